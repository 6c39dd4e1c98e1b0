import { z } from 'zod';

export const roles = ['facilitator', 'member', 'observer'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;
