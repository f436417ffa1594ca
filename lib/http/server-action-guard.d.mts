import type { IncomingMessage, ServerResponse } from 'node:http';

export const MAX_ACTION_BODY_BYTES: number;
export class Refusal extends Error {
  constructor(status: number, message: string);
  status: number;
}
export function isServerActionRequest(req: IncomingMessage): boolean;
export function checkServerAction(req: IncomingMessage): Promise<IncomingMessage>;
export function sendRefusal(res: ServerResponse, refusal: Refusal): void;
