import { Badge } from '@/components/ui/badge';
import { CopyButton } from '@/components/ui/copy-button';
import { RelativeTime } from '@/components/ui/relative-time';
import { cn } from '@/lib/utils';
import {
  BILLING_PROVIDERS,
  DELIVERY_METHODS,
  STRIPE_COLLECTION_METHODS,
  type BillingProviderConfigurationInput,
} from '@/lib/validations/billing-providers';

interface Setting {
  label: string;
  value: string;
  mono?: boolean;
  /** An id of the customer at the provider: copyable. */
  id?: boolean;
  /** Where the provider shows it. */
  href?: string;
}

/** A stored code's label, or the code itself if the portal does not know it (yet). */
function labelOf(labels: Record<string, string>, code: string): string {
  return labels[code] ?? code;
}

const yesNo = (v: boolean) => (v ? 'Yes' : 'No');

/** A provider's settings under the labels the form uses. */
function settingsOf(p: BillingProviderConfigurationInput): Setting[] {
  switch (p.billingProvider) {
    case 'stripe':
      return [
        {
          label: 'Stripe customer ID',
          value: p.configuration.stripe_customer_id,
          mono: true,
          id: true,
          href: `https://dashboard.stripe.com/customers/${encodeURIComponent(p.configuration.stripe_customer_id)}`,
        },
        {
          label: 'Collection method',
          value: labelOf(STRIPE_COLLECTION_METHODS, p.configuration.stripe_collection_method),
        },
      ];
    case 'aws_marketplace':
      return [
        { label: 'AWS customer ID', value: p.configuration.aws_customer_id, mono: true, id: true },
        { label: 'Product code', value: p.configuration.aws_product_code, mono: true },
        { label: 'Region', value: p.configuration.aws_region, mono: true },
        { label: 'Subscription product', value: yesNo(p.configuration.aws_is_subscription_product) },
      ];
    case 'azure_marketplace':
      return [{ label: 'Azure subscription ID', value: p.configuration.azure_subscription_id, mono: true, id: true }];
    case 'gcp_marketplace':
      return [{ label: 'GCP customer ID', value: p.configuration.gcp_customer_id, mono: true, id: true }];
    case 'netsuite':
      return [{ label: 'NetSuite customer ID', value: p.configuration.netsuite_customer_id, mono: true, id: true }];
    default: {
      // A provider stored by a newer version of the portal: its settings, each on its own line.
      const configuration = (p as { configuration?: Record<string, unknown> }).configuration ?? {};
      return Object.entries(configuration).map(([key, value]) => ({
        label: key.replaceAll('_', ' '),
        value: typeof value === 'boolean' ? yesNo(value) : String(value),
      }));
    }
  }
}

/** A configuration to show: an archived one has its id and when it was archived. */
export type ProviderCard = BillingProviderConfigurationInput & { id?: string; archivedAt?: string | null };

/**
 * One readable card per billing provider: where invoices go and how, never raw JSON. Archived
 * configurations (kept for the record) are marked, with their headings a level below.
 */
export function BillingProviderCards({ providers }: { providers: ProviderCard[] }) {
  return (
    <ul className="grid gap-4 md:grid-cols-2">
      {providers.map((p) => {
        const name = labelOf(BILLING_PROVIDERS, p.billingProvider);
        const headingId = p.archivedAt ? `billing-provider-archived-${p.id}` : `billing-provider-${p.billingProvider}`;
        const Heading = p.archivedAt ? 'h4' : 'h3';
        return (
          <li key={p.id ?? p.billingProvider} className="min-w-0">
            <article
              aria-labelledby={headingId}
              className={cn(
                'h-full rounded-md border p-4',
                p.archivedAt ? 'border-dashed border-slate-300 bg-white' : 'border-slate-200 bg-slate-50',
              )}
            >
              <div className="flex flex-wrap items-center justify-between gap-2">
                <Heading id={headingId} className="font-semibold">
                  {name}
                  {p.archivedAt && <span className="sr-only"> (archived)</span>}
                </Heading>
                {p.archivedAt && (
                  <Badge>
                    Archived <RelativeTime iso={p.archivedAt} className="ml-1" />
                  </Badge>
                )}
              </div>
              <dl className="mt-3 space-y-3 text-sm">
                <div>
                  <dt className="text-xs font-medium text-slate-600">Delivery method</dt>
                  <dd className="mt-0.5">
                    <span data-value>{labelOf(DELIVERY_METHODS, p.deliveryMethod)}</span>
                  </dd>
                </div>
                {settingsOf(p).map((s) => (
                  <div key={s.label}>
                    <dt className="text-xs font-medium text-slate-600">{s.label}</dt>
                    <dd className={cn('mt-0.5 flex items-start gap-1 [overflow-wrap:anywhere]', s.mono && 'font-mono')}>
                      {!s.value ? (
                        <span data-value className="text-slate-500">
                          —
                        </span>
                      ) : s.href ? (
                        <a
                          href={s.href}
                          target="_blank"
                          rel="noopener noreferrer"
                          title={`Open in ${name}'s dashboard`}
                          className="min-w-0 text-brand-700 hover:underline"
                        >
                          <span data-value>{s.value}</span>
                          <span className="sr-only"> (opens {name}&apos;s dashboard in a new tab)</span>
                        </a>
                      ) : (
                        <span data-value className="min-w-0">
                          {s.value}
                        </span>
                      )}
                      {s.value && s.id && <CopyButton value={s.value} label={s.label} />}
                    </dd>
                  </div>
                ))}
              </dl>
            </article>
          </li>
        );
      })}
    </ul>
  );
}
