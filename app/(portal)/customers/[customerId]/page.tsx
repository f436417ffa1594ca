import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { getCustomer } from '@/lib/data/customers';
import { countryName } from '@/lib/validations/countries';
import { formatDateTime, plural } from '@/lib/utils';

type Params = { params: Promise<{ customerId: string }>; searchParams: Promise<{ created?: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  await connection();
  const customer = await getCustomer((await params).customerId);
  return { title: customer ? customer.displayName : 'Customer not found' };
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase">{label}</dt>
      <dd className="mt-1 text-sm break-words">{children ?? <span className="text-slate-500">—</span>}</dd>
    </div>
  );
}

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section
      className="rounded-lg border border-slate-200 bg-white p-5 shadow-xs sm:p-6"
      aria-labelledby={`${title}-h`}
    >
      <h2 id={`${title}-h`} className="mb-4 text-base font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function CustomerPage({ params, searchParams }: Params) {
  await connection();
  const customer = await getCustomer((await params).customerId);
  if (!customer) notFound();
  const justCreated = (await searchParams).created === '1';
  const address = [customer.addressLine1, customer.addressLine2, customer.city, customer.state, customer.zipcode]
    .filter(Boolean)
    .join(', ');

  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div>
        <Link href="/customers" className="text-sm text-brand-700 hover:underline">
          ← Customers
        </Link>
        {justCreated && (
          <p
            role="status"
            className="mt-3 rounded-md border border-green-200 bg-green-50 px-4 py-3 text-sm text-green-800"
          >
            Customer created.
          </p>
        )}
        <h1 className="mt-3 text-2xl font-semibold tracking-tight break-words">{customer.displayName}</h1>
        <p className="mt-1 font-mono text-sm break-all text-slate-600">{customer.name}</p>
      </div>

      <Card title="Details">
        <dl className="grid gap-4 sm:grid-cols-2">
          <Item label="ID">
            <span className="font-mono">{customer.name}</span>
          </Item>
          <Item label="Name">{customer.displayName}</Item>
          <div className="sm:col-span-2">
            <Item label="Description">
              {customer.description && <span className="whitespace-pre-line">{customer.description}</span>}
            </Item>
          </div>
          <Item label="Created">
            <time dateTime={customer.createdAt}>{formatDateTime(customer.createdAt)}</time>
          </Item>
          <Item label="Updated">
            <time dateTime={customer.updatedAt}>{formatDateTime(customer.updatedAt)}</time>
          </Item>
        </dl>
      </Card>

      <Card title="Contact">
        <dl className="grid gap-4 sm:grid-cols-2">
          <Item label="Email">
            {customer.email && (
              <a className="text-brand-700 hover:underline" href={`mailto:${customer.email}`}>
                {customer.email}
              </a>
            )}
          </Item>
          <Item label="Website">
            {customer.website && (
              <a
                className="text-brand-700 hover:underline"
                href={customer.website}
                rel="noopener noreferrer nofollow"
                target="_blank"
              >
                {customer.website}
              </a>
            )}
          </Item>
          <Item label="Address">{address || null}</Item>
          <Item label="Country">{countryName(customer.country)}</Item>
        </dl>
      </Card>

      <Card title="Ingest aliases">
        {customer.ingestAliases.length === 0 ? (
          <p className="text-sm text-slate-600">This customer has no ingest aliases.</p>
        ) : (
          <>
            <p className="mb-3 text-sm text-slate-600">{plural(customer.ingestAliases.length, 'alias', 'aliases')}</p>
            <ul className="flex max-h-80 flex-wrap gap-1.5 overflow-y-auto" aria-label="Ingest aliases" tabIndex={0}>
              {customer.ingestAliases.map((alias) => (
                <li
                  key={alias}
                  className="max-w-full rounded bg-slate-100 px-2 py-0.5 font-mono text-xs break-all text-slate-800"
                >
                  {alias}
                </li>
              ))}
            </ul>
          </>
        )}
      </Card>
    </div>
  );
}
