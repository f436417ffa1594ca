// Roles and what each may do. Browser-safe: the UI hides what a role may not do, and the
// server checks the same rules on every action, route and data-layer call.

export const ROLES = {
  viewer: 'Viewer',
  editor: 'Editor',
  admin: 'Admin',
} as const;
export type Role = keyof typeof ROLES;
export const ROLE_NAMES = Object.keys(ROLES) as Role[];

export type Permission = 'customers:read' | 'customers:write' | 'users:manage' | 'audit:read';

const GRANTS: Record<Role, readonly Permission[]> = {
  viewer: ['customers:read'],
  editor: ['customers:read', 'customers:write'],
  admin: ['customers:read', 'customers:write', 'users:manage', 'audit:read'],
};

/** Who is calling, as the server established it. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export function can(actor: Pick<Actor, 'role'> | null | undefined, permission: Permission): boolean {
  return Boolean(actor && GRANTS[actor.role]?.includes(permission));
}

export class ForbiddenError extends Error {
  constructor(readonly permission: Permission) {
    super(`Not allowed: ${permission}`);
    this.name = 'ForbiddenError';
  }
}

/** Throws unless the actor holds the permission: the last line of defence, in the data layer. */
export function assertCan(actor: Actor | null | undefined, permission: Permission): asserts actor is Actor {
  if (!can(actor, permission)) throw new ForbiddenError(permission);
}
