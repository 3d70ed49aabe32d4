import {
  cardIdParamSchema,
  evidenceMessages,
  formatFileSize,
  planEvidenceQuerySchema,
  planIdParamSchema,
} from '@caitien/shared'
import { Hono } from 'hono'
import { createFactory } from 'hono/factory'
import { stream } from 'hono/streaming'
import { z } from 'zod'
import type { AppEnv } from '../app-env.ts'
import { contentDisposition } from '../download.ts'
import { publishCardEvent } from '../events/publish-card-event.ts'
import { getCardWriteAccess, getPlanAccess } from '../access.ts'
import { logEvidenceView } from '../oversight/bodies.ts'
import { addEvidence, checkEvidenceUpload, checkStorageRoom } from '../evidence/add-evidence.ts'
import { FileTooLargeError } from '../evidence/file-store.ts'
import { deleteEvidence, linkEvidence, setEvidenceCode } from '../evidence/evidence-commands.ts'
import {
  getEvidenceAccess,
  getEvidenceWriteAccess,
  listPlanEvidence,
} from '../evidence/evidence-queries.ts'
import { cleanFileName, extensionMatches, sniffEvidenceType } from '../evidence/sniff-type.ts'
import { ApiException, evidenceRefused, forbiddenBy, notFound, worded } from '../http-error.ts'
import { validate } from '../middleware/validate.ts'

const evidenceIdParamSchema = z.object({ evidenceId: z.string().min(1).max(64) })

/** The school's evidence storage is full: how much is used, the limit, and what to do. */
function quotaExceeded(used: number, size: number, quota: number) {
  // 413: this request's content is more than the server will take now (not 507: nothing is
  // wrong with the server, and a client must not retry it as a server fault).
  return new ApiException(
    413,
    'storage_quota_exceeded',
    worded((lang) => {
      const [u, s, q] = [used, size, quota].map((n) => formatFileSize(n, lang))
      return evidenceMessages[lang].quotaExceeded({ used: u!, size: s!, quota: q! })
    }),
  )
}

const tooLarge = (mb: number) =>
  new ApiException(
    413,
    'payload_too_large',
    worded((lang) => evidenceMessages[lang].tooLarge({ mb })),
  )

export const cardEvidenceRoutes = new Hono<AppEnv>()
  .post(
    '/:cardId/evidence/files',
    validate('param', cardIdParamSchema),
    validate(
      'query',
      z.object({
        name: z.string().min(1).max(1_000),
        title: z.string().trim().max(300).optional(),
      }),
    ),
    async (c) => {
      const { cardId } = c.req.valid('param')
      const { plan, actor } = await getCardWriteAccess(c.get('db'), cardId, c.get('user').id)
      const max = c.get('maxEvidenceBytes')
      const mb = Math.round(max / 1024 / 1024)
      const declared = Number(c.req.header('content-length') ?? 0)
      if (declared > max) throw tooLarge(mb)
      const fileName = cleanFileName(c.req.valid('query').name)
      // Refuse before reading the body: a refused upload should cost neither time nor disk.
      const refusal = await checkEvidenceUpload(c.get('db'), cardId, actor)
      if (refusal) throw evidenceRefused(refusal)
      let upload
      try {
        upload = await c.get('files').receive(c.req.raw.body, max)
      } catch (err) {
        if (err instanceof FileTooLargeError) {
          throw tooLarge(mb)
        }
        throw err
      }
      try {
        if (upload.size === 0)
          throw new ApiException(
            400,
            'bad_request',
            worded((lang) => evidenceMessages[lang].emptyFile),
          )
        const whole = upload.head[0] === 0x50 ? await upload.readAll() : null
        const type = sniffEvidenceType(upload.head, fileName, () => whole ?? new Uint8Array())
        if (!type || !extensionMatches(type, fileName)) {
          throw new ApiException(
            415,
            'unsupported_type',
            worded((lang) => evidenceMessages[lang].wrongType),
          )
        }
        const title = c.req.valid('query').title || fileName
        const quota = c.get('schoolQuotaBytes')
        // Before the file is stored: over the quota, nothing is kept.
        const room = await checkStorageRoom(c.get('db'), plan.school_id, upload, quota)
        if (!room.ok) throw quotaExceeded(room.used, upload.size, quota)
        // The file goes into the store before its row exists, so a backup that copies the
        // database first finds every file the database names.
        await upload.commit()
        const result = await addEvidence(c.get('db'), {
          cardId,
          planId: plan.id,
          actor,
          now: c.get('now')().toISOString(),
          quotaBytes: quota,
          evidence: {
            kind: 'file',
            title,
            fileName,
            sha256: upload.sha256,
            size: upload.size,
            mimeType: type.mime,
          },
        })
        if (!result.ok) {
          if (result.reason === 'card_not_found') throw notFound()
          // Another upload took the room meanwhile; the stored file is left to the sweep.
          if (result.reason === 'quota_exceeded') {
            throw quotaExceeded(result.used, upload.size, quota)
          }
          throw evidenceRefused(result.reason)
        }
        publishCardEvent(c, plan.id, cardId, result.version)
        return c.json(
          {
            evidence: {
              id: result.evidenceId,
              code: result.code,
              mimeType: type.mime,
              size: upload.size,
            },
          },
          201,
        )
      } finally {
        await upload.discard()
      }
    },
  )
  .post(
    '/:cardId/evidence/links',
    validate('param', cardIdParamSchema),
    validate('json', z.object({ evidenceId: z.string().min(1).max(64) })),
    async (c) => {
      const { cardId } = c.req.valid('param')
      const { plan, actor } = await getCardWriteAccess(c.get('db'), cardId, c.get('user').id)
      const result = await linkEvidence(c.get('db'), {
        evidenceId: c.req.valid('json').evidenceId,
        cardId,
        planId: plan.id,
        actor,
        now: c.get('now')().toISOString(),
      })
      if (!result.ok) {
        // The person is a member of this plan's school: saying the item is not in the plan
        // reveals nothing of another school.
        if (result.reason === 'not_found') {
          throw new ApiException(
            404,
            'not_found',
            worded((lang) => evidenceMessages[lang].notInPlan),
          )
        }
        if (result.reason === 'already_linked') {
          throw new ApiException(
            409,
            'conflict',
            worded((lang) => evidenceMessages[lang].alreadyLinked),
          )
        }
        throw evidenceRefused(result.reason)
      }
      publishCardEvent(c, plan.id, cardId, result.version)
      return c.json({ ok: true }, 201)
    },
  )

/** The plan's evidence, for picking an item to link to another card; any member may read it. */
export const planEvidenceRoutes = new Hono<AppEnv>().get(
  '/:planId/evidence',
  validate('param', planIdParamSchema),
  validate('query', planEvidenceQuerySchema),
  async (c) => {
    const { planId } = c.req.valid('param')
    const { plan, actor } = await getPlanAccess(c.get('db'), planId, c.get('user').id)
    const items = await listPlanEvidence(c.get('db'), planId, c.req.valid('query').q)
    await logEvidenceView(c.get('db'), {
      actor,
      schoolId: plan.school_id,
      planId,
      evidenceId: null,
      kind: 'list',
      at: c.get('now')().toISOString(),
    })
    return c.json({ items }, 200)
  },
)

/** GET …/file: an evidence file, shown inline when the browser can (PDF, images). */
const serveFile = createFactory<AppEnv>().createHandlers(
  validate('param', evidenceIdParamSchema),
  validate('query', z.object({ download: z.enum(['0', '1']).optional() })),
  async (c) => {
    const { item, plan, actor } = await getEvidenceAccess(
      c.get('db'),
      c.req.valid('param').evidenceId,
      c.get('user').id,
    )
    if (item.kind !== 'file' || !item.file_sha256) throw notFound()
    await logEvidenceView(c.get('db'), {
      actor,
      schoolId: plan.school_id,
      planId: plan.id,
      evidenceId: item.id,
      kind: 'file',
      at: c.get('now')().toISOString(),
    })
    const mime = item.mime_type ?? 'application/octet-stream'
    const previewable = mime === 'application/pdf' || mime.startsWith('image/')
    const inline = previewable && c.req.valid('query').download !== '1'
    c.header('Content-Type', mime)
    c.header('Content-Length', String(item.size ?? ''))
    c.header(
      'Content-Disposition',
      contentDisposition(inline ? 'inline' : 'attachment', item.file_name ?? item.title),
    )
    // Never kept: on a shared school computer a cached file would reopen after logout.
    // The sandboxing CSP and nosniff come from app.ts (fileHeaders), set after this route.
    c.header('Cache-Control', 'no-store')
    const file = c.get('files').open(item.file_sha256)
    return stream(c, async (s) => {
      for await (const chunk of file) await s.write(chunk as Uint8Array)
    })
  },
)

export const evidenceRoutes = new Hono<AppEnv>()
  .get('/:evidenceId/file', ...serveFile)
  // The same file at an address ending in its name: the browser's PDF viewer titles the
  // file by the last part of its address ("file" otherwise).
  .get('/:evidenceId/file/:fileName', ...serveFile)
  .patch(
    '/:evidenceId',
    validate('param', evidenceIdParamSchema),
    validate('json', z.object({ code: z.string().trim().min(1).max(40) })),
    async (c) => {
      const { item, actor } = await getEvidenceWriteAccess(
        c.get('db'),
        c.req.valid('param').evidenceId,
        c.get('user').id,
      )
      const result = await setEvidenceCode(c.get('db'), {
        evidenceId: item.id,
        code: c.req.valid('json').code,
        actor,
        now: c.get('now')().toISOString(),
      })
      if (!result.ok) {
        if (result.reason === 'forbidden') throw forbiddenBy('manage_plan')
        if (result.reason === 'code_taken') {
          const message = evidenceMessages[c.get('lang')].codeTaken
          return c.json({ error: { code: 'conflict' as const, message } }, 409)
        }
        throw notFound()
      }
      publishCardEvent(c, result.planId, result.cardId, null)
      return c.json({ ok: true }, 200)
    },
  )
  .delete('/:evidenceId', validate('param', evidenceIdParamSchema), async (c) => {
    const { item, actor } = await getEvidenceWriteAccess(
      c.get('db'),
      c.req.valid('param').evidenceId,
      c.get('user').id,
    )
    const result = await deleteEvidence(c.get('db'), {
      evidenceId: item.id,
      actor,
      now: c.get('now')().toISOString(),
    })
    if (!result.ok) {
      if (result.reason === 'not_found') throw notFound()
      throw evidenceRefused(result.reason)
    }
    publishCardEvent(c, result.planId, result.cardId, null)
    return c.json({ ok: true }, 200)
  })
