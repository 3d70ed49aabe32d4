import { z } from 'zod'
import { SCHOOL_ROLES } from '../roles.ts'

/** Lower-case letters, digits and . _ - @ +: a login, or an e-mail address used as one. */
export const LOGIN_RE = /^[a-z0-9][a-z0-9._@+-]{1,99}$/
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export const PERSON_LIMITS = {
  displayName: 200,
  email: 200,
  phone: 30,
  position: 200,
  department: 200,
} as const

/** Empty text is "not given": stored as null. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null))

export const loginSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(LOGIN_RE, 'login: 2-100 letters a-z, digits and . _ - @ +')
export const emailSchema = z
  .string()
  .trim()
  .max(PERSON_LIMITS.email)
  .regex(EMAIL_RE, 'email must look like name@example.com')
  .nullable()
  .optional()
  .or(z.literal('').transform(() => null))
  .transform((v) => (v ? v : null))

const rolesSchema = z.array(z.enum(SCHOOL_ROLES)).min(1).max(SCHOOL_ROLES.length)

/** A field of a change: absent is "unchanged", empty is "none" (null). */
const changedText = (schema: z.ZodType<string>) =>
  z
    .union([z.literal(''), schema])
    .nullable()
    .optional()
    .transform((v) => (v === undefined ? undefined : v ? v : null))

/** A person's own contact, which they may change on their profile. */
export const updateProfileInputSchema = z.object({
  displayName: z.string().trim().min(1).max(PERSON_LIMITS.displayName).optional(),
  email: changedText(
    z
      .string()
      .trim()
      .max(PERSON_LIMITS.email)
      .regex(EMAIL_RE, 'email must look like name@example.com'),
  ),
  phone: changedText(z.string().trim().max(PERSON_LIMITS.phone)),
})
export type UpdateProfileInput = z.infer<typeof updateProfileInputSchema>

/** One person added by the principal (or the administrator). */
export const addPersonInputSchema = z.object({
  login: loginSchema,
  displayName: z.string().trim().min(1).max(PERSON_LIMITS.displayName),
  email: emailSchema,
  phone: optionalText(PERSON_LIMITS.phone),
  position: optionalText(PERSON_LIMITS.position),
  department: optionalText(PERSON_LIMITS.department),
  roles: rolesSchema,
})
export type AddPersonInput = z.infer<typeof addPersonInputSchema>

export const setRolesInputSchema = z.object({ roles: rolesSchema })
export type SetRolesInput = z.infer<typeof setRolesInputSchema>

export const schoolIdParamSchema = z.object({ schoolId: z.string().min(1).max(64) })
export const personParamSchema = z.object({
  schoolId: z.string().min(1).max(64),
  userId: z.string().min(1).max(64),
})

export const SCHOOL_LEVELS = ['primary', 'secondary', 'kindergarten', 'other'] as const
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number]

/** A new school and its first principal, by the system administrator. */
export const createSchoolInputSchema = z.object({
  name: z.string().trim().min(1).max(300),
  schoolLevel: z.enum(SCHOOL_LEVELS),
  principal: z.object({
    login: loginSchema,
    displayName: z.string().trim().min(1).max(PERSON_LIMITS.displayName),
    email: emailSchema,
  }),
})
export type CreateSchoolInput = z.infer<typeof createSchoolInputSchema>
