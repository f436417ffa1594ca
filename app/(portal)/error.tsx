'use client';

import { PageError } from '@/components/page-error';

export default function PortalError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError {...props} />;
}
