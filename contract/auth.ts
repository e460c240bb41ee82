/**
 * Accounts, sessions, API keys and the audit log (the dashboard's /api/session, /api/setup,
 * /api/accounts, /api/keys, /api/audit and /api/requests/:id/history). Shared by server/ and src/.
 */
import { z } from 'zod';

export const ROLES = ['admin', 'annotator', 'viewer'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const KEY_SCOPES = ['ingest', 'read', 'annotate', 'admin'] as const;
export const keyScopeSchema = z.enum(KEY_SCOPES);
export type KeyScope = z.infer<typeof keyScopeSchema>;

/** What a route can ask of its caller (server/auth/route-rules.ts). */
export const PERMISSIONS = ['ingest', 'read', 'annotate', 'admin'] as const;
export const permissionSchema = z.enum(PERMISSIONS);
export type Permission = z.infer<typeof permissionSchema>;

export const EMAIL_MAX = 254;
export const NAME_MAX = 120;
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 1024;

const email = z
  .string()
  .trim()
  .min(3)
  .max(EMAIL_MAX)
  .regex(/^[^\s@]+@[^\s@]+$/, 'expected an email address');
const password = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);
const name = z.string().trim().min(1).max(NAME_MAX);

/** Sign-in only checks shape loosely: a wrong password and a malformed one answer alike. */
export const signInBodySchema = z.object({
  email: z.string().trim().min(1).max(EMAIL_MAX),
  password: z.string().min(1).max(PASSWORD_MAX),
});

export const setupBodySchema = z.object({ token: z.string().min(1).max(256), email, name, password });

export const sessionResponseSchema = z.object({
  kind: z.enum(['account', 'key']),
  name: z.string(),
  email: z.string().nullable(),
  role: roleSchema.nullable(),
  scope: z.enum([...KEY_SCOPES, 'full']).nullable(),
  permissions: z.array(permissionSchema),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;
/** DELETE /api/session. */
export const signOutResponseSchema = z.object({ success: z.literal(true) });

export const setupStatusSchema = z.object({ needed: z.boolean() });

export const accountSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  disabled: z.boolean(),
  source: z.enum(['password', 'proxy']),
  createdAt: z.number().int(),
});
export type Account = z.infer<typeof accountSchema>;
export const accountListSchema = z.object({ accounts: z.array(accountSchema) });

export const createAccountBodySchema = z.object({ email, name, role: roleSchema, password });
export const updateAccountBodySchema = z
  .object({
    name: name.optional(),
    role: roleSchema.optional(),
    disabled: z.boolean().optional(),
    password: password.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'give at least one of name, role, disabled, password');

export const apiKeySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  prefix: z.string(),
  scope: keyScopeSchema,
  createdBy: z.string(),
  createdAt: z.number().int(),
  lastUsedAt: z.number().int().nullable(),
  expiresAt: z.number().int().nullable(),
  revokedAt: z.number().int().nullable(),
});
export type ApiKeyInfo = z.infer<typeof apiKeySchema>;
export const apiKeyListSchema = z.object({ keys: z.array(apiKeySchema) });
export const createKeyBodySchema = z.object({
  name,
  scope: keyScopeSchema,
  /** Epoch ms; omitted or null = never expires. */
  expiresAt: z.number().int().positive().nullable().optional(),
});
/** The only reply that ever carries the key itself. */
export const createdKeySchema = apiKeySchema.extend({ key: z.string() });

export const ANNOTATION_KINDS = ['score', 'metadata', 'tag'] as const;
export const annotationEventSchema = z.object({
  id: z.number().int(),
  kind: z.enum(ANNOTATION_KINDS),
  name: z.string(),
  /** The new value; null when the score, key or tag was removed. */
  value: z.string().nullable(),
  actor: z.string(),
  at: z.number().int(),
});
export type AnnotationEvent = z.infer<typeof annotationEventSchema>;
export const annotationHistorySchema = z.object({ events: z.array(annotationEventSchema) });

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.number().int(),
  actor: z.string(),
  action: z.string(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  nextBefore: z.number().int().nullable(),
});
