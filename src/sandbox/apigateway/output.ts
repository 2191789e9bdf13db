// The HTTP statuses API Gateway answers with: 200 for reads and updates, 201 for creates, 202 for most
// deletes, 204 for deletes below a method.
import type { RestOutput } from '../service.js';

export const ok = (body: unknown): RestOutput => ({ status: 200, body });
export const created = (body: unknown): RestOutput => ({ status: 201, body });
export const accepted = (): RestOutput => ({ status: 202 });
export const noContent = (): RestOutput => ({ status: 204 });
