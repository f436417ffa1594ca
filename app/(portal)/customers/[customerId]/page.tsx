import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { connection } from 'next/server';
import { Suspense, type ReactNode } from 'react';
import { tagChipClass } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button';
import { cardClass } from '@/components/ui/card';
import { CopyButton } from '@/components/ui/copy-button';
import { RelativeTime } from '@/components/ui/relative-time';
import { Th, theadClass } from '@/components/ui/table';
import { can } from '@/lib/auth/permissions';
import { getActor, requirePageActor } from '@/lib/auth/session';
import { customerHistory } from '@/lib/data/audit';
import { findCustomerIdByName, getCustomer, type CustomerDetail } from '@/lib/data/customers';
import { pricePlanNames } from '@/lib/data/price-plans';
import { countryName } from '@/lib/validations/countries';
import { CONTACT_FIELDS, type CustomerField } from '@/lib/validations/customer';
import { cn, plural } from '@/lib/utils';
import { ArchiveControl, ArchivedBanner } from '../_components/archive-control';
import { BillingProviderCards } from '../_components/billing-provider-cards';
import { CustomerHistory } from '../_components/customer-history';
import { MappingTester } from '../_components/mapping-tester';
import { BackLink } from '../_components/back-link';
import { UsageSection, UsageSectionSkeleton } from '../_components/usage-section';

type Params = { params: Promise<{ customerId: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  await connection();
  const actor = await getActor();
  const customer = actor ? await getCustomer(actor, (await params).customerId) : null;
  return { title: customer ? customer.displayName : 'Customer' };
}

const safeDecode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

const isBlank = (v: ReactNode) => v === null || v === undefined || v === false || v === '';

function Item({ label, wide, children }: { label: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={cn('min-w-0', wide && 'sm:col-span-2')}>
      <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase">{label}</dt>
      <dd className="mt-1 text-sm [overflow-wrap:anywhere]">
        {isBlank(children) ? <span className="text-slate-500">—</span> : children}
      </dd>
    </div>
  );
}

/** A section of the page; `empty`, when given, is said instead of its content. */
function Card({
  id,
  title,
  empty,
  children,
}: {
  id: string;
  title: string;
  empty?: string | false;
  children: ReactNode;
}) {
  return (
    <section id={id} className={cardClass('min-w-0 scroll-mt-4 p-5 sm:p-6')} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="mb-4 text-base font-semibold">
        {title}
      </h2>
      {empty ? <p className="text-sm text-slate-600">{empty}</p> : children}
    </section>
  );
}

/** A value ops copy and paste (ID, uuid, alias…), with its copy button. */
function Copyable({ value, label }: { value: string; label: string }) {
  return (
    <span className="inline-flex max-w-full items-start gap-1">
      <span className="min-w-0 font-mono [overflow-wrap:anywhere]">{value}</span>
      <CopyButton value={value} label={label} />
    </span>
  );
}

function ExternalLink({ href }: { href: string }) {
  return (
    <a className="text-brand-700 hover:underline" href={href} rel="noopener noreferrer nofollow" target="_blank">
      {href}
    </a>
  );
}

function EmailLink({ email }: { email: string }) {
  return (
    <a className="text-brand-700 hover:underline" href={`mailto:${email}`}>
      {email}
    </a>
  );
}

/** The address fields, shown on one line. */
const ADDRESS_LINES: readonly CustomerField[] = ['addressLine1', 'addressLine2', 'city', 'state', 'zipcode'];

/** How a Contact field reads here, where it is more than its text (undefined: just the text). */
function contactValue(customer: CustomerDetail, key: CustomerField): ReactNode {
  switch (key) {
    case 'email':
      return customer.email && <EmailLink email={customer.email} />;
    case 'secondaryEmails':
      return customer.secondaryEmails.length === 0 ? (
        <span className="text-slate-600">No other emails.</span>
      ) : (
        <ul className="space-y-0.5" aria-label="Other emails">
          {customer.secondaryEmails.map((email) => (
            <li key={email}>
              <EmailLink email={email} />
            </li>
          ))}
        </ul>
      );
    case 'phone':
      return (
        customer.phone && (
          <a className="text-brand-700 hover:underline" href={`tel:${customer.phone.replace(/[^\d+]/g, '')}`}>
            {customer.phone}
          </a>
        )
      );
    case 'website':
    case 'logoUrl':
      return customer[key] && <ExternalLink href={customer[key]} />;
    case 'vatId':
      return customer.vatId && <span className="font-mono">{customer.vatId}</span>;
    case 'addressLine1':
      return (
        ADDRESS_LINES.map((line) => customer[line])
          .filter(Boolean)
          .join(', ') || null
      );
    case 'country':
      return countryName(customer.country);
    default:
      return undefined;
  }
}

export default async function CustomerPage({ params }: Params) {
  await connection();
  const actor = await requirePageActor();
  const { customerId } = await params;
  const customer = await getCustomer(actor, customerId);
  if (!customer) {
    // Ops paste a customer's ID (not its uuid) into the address bar: take them to it.
    const byId = await findCustomerIdByName(actor, safeDecode(customerId));
    if (byId) redirect(`/customers/${byId}`);
    notFound();
  }
  const [history, planNames] = await Promise.all([customerHistory(actor, customer.id), pricePlanNames(actor)]);
  const mayEdit = can(actor, 'customers:write');
  const customFields = Object.entries(customer.customFields);
  const mappings = customer.measurementMappings;

  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div>
        <BackLink href="/customers">Customers</BackLink>
        <div className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
          <div className="min-w-0">
            <h1 className="text-2xl font-semibold tracking-tight [overflow-wrap:anywhere]">{customer.displayName}</h1>
            <p className="mt-1 text-sm text-slate-600">
              <Copyable value={customer.name} label="ID" />
            </p>
          </div>
          {mayEdit && (
            <div className="flex shrink-0 gap-2">
              <ButtonLink variant="secondary" href={`/customers/${customer.id}/edit`}>
                Edit
              </ButtonLink>
              <ArchiveControl
                customerId={customer.id}
                customerName={customer.displayName}
                archived={customer.archivedAt !== null}
              />
            </div>
          )}
        </div>
      </div>

      {customer.archivedAt && (
        <ArchivedBanner customerId={customer.id} archivedAt={customer.archivedAt} mayUnarchive={mayEdit} />
      )}

      <Card id="details" title="Details">
        <dl className="grid gap-4 sm:grid-cols-2">
          <Item label="ID">
            <Copyable value={customer.name} label="ID" />
          </Item>
          <Item label="Name">{customer.displayName}</Item>
          <Item label="Description" wide>
            {customer.description && <span className="whitespace-pre-line">{customer.description}</span>}
          </Item>
          <Item label="External ID">
            {customer.externalId && <Copyable value={customer.externalId} label="external ID" />}
          </Item>
          <Item label="Salesforce account">
            {customer.salesforceAccountId && (
              <Copyable value={customer.salesforceAccountId} label="Salesforce account" />
            )}
          </Item>
          <Item label="UUID">
            <Copyable value={customer.id} label="UUID" />
          </Item>
          <Item label="Price plan">
            {customer.pricePlanName && (
              <>
                {customer.pricePlanDisplayName ?? customer.pricePlanName}{' '}
                <span className="font-mono text-xs text-slate-600">({customer.pricePlanName})</span>
              </>
            )}
          </Item>
          <Item label="Tags" wide>
            {customer.tags.length === 0 ? (
              <span className="text-slate-600">No tags.</span>
            ) : (
              <ul className="flex flex-wrap gap-1.5" aria-label="Tags">
                {customer.tags.map((tag) => (
                  <li key={tag} className={tagChipClass('max-w-full px-2')}>
                    {tag}
                  </li>
                ))}
              </ul>
            )}
          </Item>
          <Item label="Created">
            <RelativeTime iso={customer.createdAt} />
          </Item>
          <Item label="Updated">
            <RelativeTime iso={customer.updatedAt} />
          </Item>
        </dl>
      </Card>

      <Card id="contact" title="Contact">
        <dl className="grid gap-4 sm:grid-cols-2">
          {CONTACT_FIELDS.map(({ key, label }) => {
            if (ADDRESS_LINES.includes(key) && key !== 'addressLine1') return null; // shown as one
            const shown = contactValue(customer, key);
            return (
              <Item key={key} label={key === 'addressLine1' ? 'Address' : label}>
                {shown === undefined ? String(customer[key] ?? '') : shown}
              </Item>
            );
          })}
        </dl>
      </Card>

      <Card
        id="aliases"
        title="Ingest aliases"
        empty={customer.ingestAliases.length === 0 && 'This customer has no ingest aliases.'}
      >
        <p className="mb-3 text-sm text-slate-600">{plural(customer.ingestAliases.length, 'alias', 'aliases')}</p>
        <ul
          className="flex max-h-80 flex-wrap gap-1.5 overflow-y-auto rounded-md"
          aria-label="Ingest aliases"
          tabIndex={0}
        >
          {customer.ingestAliases.map((alias) => (
            <li
              key={alias}
              className="inline-flex max-w-full items-center gap-0.5 rounded bg-slate-100 py-0.5 pr-0.5 pl-2 font-mono text-xs text-slate-800"
            >
              <span className="min-w-0 [overflow-wrap:anywhere]">{alias}</span>
              <CopyButton value={alias} label={`alias ${alias}`} className="size-5" />
            </li>
          ))}
        </ul>
      </Card>

      <Card
        id="mappings"
        title="Measurement mappings"
        empty={
          mappings.length === 0 &&
          'This customer has no measurement mappings: usage is matched by its ID and ingest aliases.'
        }
      >
        <div className="space-y-4">
          <table className="w-full table-fixed text-left text-sm" aria-labelledby="mappings-heading">
            <thead className={cn(theadClass, 'bg-transparent')}>
              <tr>
                <Th className="w-2/5 py-2 pr-4 pl-0">Label</Th>
                <Th className="px-0 py-2">Value regex</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {mappings.map((m) => (
                <tr key={m.label} className="align-top">
                  <td className="py-2 pr-4 font-medium [overflow-wrap:anywhere]">{m.label}</td>
                  <td className="py-2 font-mono text-xs [overflow-wrap:anywhere]">
                    <code>{m.valueRegex}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <MappingTester mappings={mappings} />
        </div>
      </Card>

      {/* Below the aliases and mappings it counts: when it streams in, a link to #aliases stays put. */}
      <Suspense fallback={<UsageSectionSkeleton />}>
        <UsageSection actor={actor} customerId={customer.id} archived={customer.archivedAt !== null} />
      </Suspense>

      <Card
        id="custom-fields"
        title="Custom fields"
        empty={customFields.length === 0 && 'This customer has no custom fields.'}
      >
        <dl className="divide-y divide-slate-100 text-sm">
          {customFields.map(([key, value]) => (
            <div
              key={key}
              className="grid gap-1 py-2 first:pt-0 last:pb-0 sm:grid-cols-[minmax(0,14rem)_minmax(0,1fr)] sm:gap-4"
            >
              <dt className="font-mono text-xs font-medium [overflow-wrap:anywhere] text-slate-700 sm:text-sm">
                {key}
              </dt>
              <dd className="[overflow-wrap:anywhere]">
                {value === '' ? <span className="text-slate-500">(empty)</span> : value}
              </dd>
            </div>
          ))}
        </dl>
      </Card>

      <Card id="billing-providers" title="Billing providers">
        {customer.billingProviders.length === 0 ? (
          <p className="text-sm text-slate-600">This customer has no billing providers.</p>
        ) : (
          <BillingProviderCards providers={customer.billingProviders} />
        )}
        {customer.archivedBillingProviders.length > 0 && (
          <section aria-labelledby="archived-billing-providers" className="mt-6">
            <h3 id="archived-billing-providers" className="mb-3 text-sm font-semibold text-slate-700">
              Archived configurations ({customer.archivedBillingProviders.length})
            </h3>
            <BillingProviderCards providers={customer.archivedBillingProviders} />
          </section>
        )}
      </Card>

      <Card id="history" title="History">
        <CustomerHistory entries={history} names={{ pricePlans: planNames }} />
      </Card>
    </div>
  );
}
