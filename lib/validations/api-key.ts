import { z } from 'zod';
import type { Role } from '@/lib/auth/permissions';
import { requiredText } from './text';
import { roleInput } from './user';

// API keys for the /v1 API: the rules of the form that makes one, and a key as the page lists it.
// Browser-safe.

export const MAX_API_KEY_NAME = 80;

/** A new key, as an admin names it (or `npm run apikey:create`). */
export const apiKeyInput = z.object({
  name: requiredText('Name', MAX_API_KEY_NAME),
  role: roleInput,
});
export type ApiKeyFormValues = z.input<typeof apiKeyInput>;
export type ApiKeyInput = z.output<typeof apiKeyInput>;

/** A key's shape: `mlk_` and 43 base64url characters (256 random bits). */
export const API_KEY_PATTERN = /^mlk_[A-Za-z0-9_-]{43}$/;

/** A key as the API keys page lists it. The key itself is never kept, so never listed. */
export interface ApiKeyRow {
  id: string;
  name: string;
  role: Role;
  /** Its first 8 characters (`mlk_` and four more), to recognise it by. */
  prefix: string;
  /** Who made it; null when made from a shell. */
  createdByEmail: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
