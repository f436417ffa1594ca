INSERT INTO "price_plans" ("name", "display_name", "description") VALUES
  ('starter', 'Starter', 'Pay as you go: $0.002 per API call, no minimum.'),
  ('growth', 'Growth', '$500 a month including 500,000 API calls, then $0.0015 per call.'),
  ('enterprise', 'Enterprise', 'Annual commit with volume tiers, invoiced monthly in arrears.'),
  ('usage_storage', 'Storage metered', '$0.023 per GB-month stored, billed on the daily peak.')
ON CONFLICT DO NOTHING;
