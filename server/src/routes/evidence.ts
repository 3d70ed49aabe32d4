import {
  canWorkOnCard,
  cardIdParamSchema,
  planEvidenceQuerySchema,
  formatFileSize,
  planIdParamSchema,
  STATUS_LABELS,
  type Lang,
} from '@caitien/shared'
import { Hono } from 'hono'
import { stream } from 'hono/streaming'
import { z } from 'zod'
import type { AppEnv } from '../app-env.ts'
import { publishCardEvent } from '../events/publish-card-event.ts'
import { getCardAccess, getPlanAccess } from '../access.ts'
import { addEvidence } from '../cards/card-commands.ts'
import { listAssigneeIds } from '../cards/card.repository.ts'
import { FileTooLargeError } from '../evidence/file-store.ts'
import {
  deleteEvidence,
  findEvidence,
  linkEvidence,
  setEvidenceCode,
} from '../evidence/evidence-commands.ts'
import { listPlanEvidence } from '../evidence/evidence-queries.ts'
import { schoolStorage } from '../evidence/storage.ts'
import { cleanFileName, extensionMatches, sniffEvidenceType } from '../evidence/sniff-type.ts'
import { ApiException, forbidden, notFound } from '../http-error.ts'
import { validate } from '../middleware/validate.ts'

const evidenceIdParamSchema = z.object({ evidenceId: z.string().min(1).max(64) })

const TOO_LARGE: Record<Lang, (mb: number) => string> = {
  vi: (mb) => `Tệp lớn hơn giới hạn ${mb} MB.`,
  en: (mb) => `The file is larger than the ${mb} MB limit.`,
}
const WRONG_TYPE: Record<Lang, string> = {
  vi: 'Chỉ nhận tệp PDF, ảnh (PNG, JPEG, GIF, WebP) và tài liệu Word, Excel, PowerPoint; nội dung tệp phải đúng với phần mở rộng của tên tệp.',
  en: 'Only PDF, images (PNG, JPEG, GIF, WebP) and Word, Excel and PowerPoint documents are accepted, and the content must match the file name.',
}

/** The link picker shows these as they are: worded in the user's language. */
const LINK_REFUSED: Record<
  Lang,
  Record<'not_found' | 'forbidden' | 'frozen' | 'already_linked', string>
> = {
  vi: {
    not_found: 'Không tìm thấy minh chứng này trong kế hoạch; có thể nó vừa bị xoá.',
    forbidden: 'Chỉ người được giao hoặc Hiệu trưởng mới được liên kết minh chứng vào thẻ này.',
    frozen: 'Thẻ đã được xác nhận; minh chứng của thẻ đã được khóa.',
    already_linked: 'Minh chứng này đã có trên thẻ.',
  },
  en: {
    not_found: 'This evidence is not in the plan; it may have just been deleted.',
    forbidden: 'Only an assignee or the principal may link evidence to this card.',
    frozen: 'The card is verified; its evidence is frozen.',
    already_linked: 'The item is already on this card.',
  },
}

/** The school's evidence storage is full: how much is used, the limit, and what to do. */
function quotaExceeded(lang: Lang, used: number, size: number, quota: number) {
  const [u, s, q] = [used, size, quota].map((n) => formatFileSize(n, lang))
  const message =
    lang === 'vi'
      ? `Trường đã dùng ${u} trong giới hạn ${q} dành cho minh chứng; tệp này (${s}) vượt quá phần còn lại. Hãy xoá bớt minh chứng không còn cần, hoặc nhờ quản trị hệ thống tăng giới hạn.`
      : `The school uses ${u} of its ${q} evidence storage; this file (${s}) does not fit in what is left. Delete evidence that is no longer needed, or ask the administrator to raise the limit.`
  // 413: this request's content is more than the server will take now (not 507: nothing is
  // wrong with the server, and a client must not retry it as a server fault).
  return new ApiException(413, 'storage_quota_exceeded', message)
}

/** Deleting the last evidence of a card waiting for review (docs/decisions/015). */
const LAST_EVIDENCE: Record<Lang, string> = {
  vi: `Đây là minh chứng cuối cùng của một thẻ đang chờ xác nhận. Hãy rút thẻ về “${STATUS_LABELS.vi.in_progress}” trước, rồi mới xoá minh chứng.`,
  en: `This is the last evidence item of a card waiting for review. Withdraw the card to "${STATUS_LABELS.en.in_progress}" first, then delete the item.`,
}

/** RFC 6266 with an ASCII fallback, so Vietnamese names survive every browser. */
function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_')
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`
}

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
      const { plan, actor } = await getCardAccess(c.var.db, cardId, c.var.user.id)
      const max = c.var.maxEvidenceBytes
      const mb = Math.round(max / 1024 / 1024)
      const declared = Number(c.req.header('content-length') ?? 0)
      if (declared > max)
        throw new ApiException(413, 'payload_too_large', TOO_LARGE[c.var.lang](mb))
      const fileName = cleanFileName(c.req.valid('query').name)
      // Refuse before reading the body: a refused upload should cost neither time nor disk.
      const card = await c.var.db
        .selectFrom('card')
        .select(['status'])
        .where('id', '=', cardId)
        .executeTakeFirstOrThrow()
      const assigneeIds = await listAssigneeIds(c.var.db, cardId)
      if (!canWorkOnCard({ assigneeIds }, actor)) {
        throw forbidden('Only an assignee or the principal may add evidence.')
      }
      if (card.status === 'verified') {
        throw new ApiException(409, 'conflict', 'The card is verified; its evidence is frozen.')
      }
      let upload
      try {
        upload = await c.var.files.receive(c.req.raw.body, max)
      } catch (err) {
        if (err instanceof FileTooLargeError) {
          throw new ApiException(413, 'payload_too_large', TOO_LARGE[c.var.lang](mb))
        }
        throw err
      }
      try {
        if (upload.size === 0) throw new ApiException(400, 'bad_request', 'file: empty')
        const whole = upload.head[0] === 0x50 ? await upload.readAll() : null
        const type = sniffEvidenceType(upload.head, fileName, () => whole ?? new Uint8Array())
        if (!type || !extensionMatches(type, fileName)) {
          throw new ApiException(415, 'unsupported_type', WRONG_TYPE[c.var.lang])
        }
        const title = c.req.valid('query').title || fileName
        const quota = c.var.schoolQuotaBytes
        // Before the file is stored: over the quota, nothing is kept.
        const storage = await schoolStorage(c.var.db, plan.school_id, upload.sha256)
        if (!storage.holds && storage.used + upload.size > quota) {
          throw quotaExceeded(c.var.lang, storage.used, upload.size, quota)
        }
        // The file goes into the store before its row exists, so a backup that copies the
        // database first finds every file the database names.
        await upload.commit()
        const result = await addEvidence(c.var.db, {
          cardId,
          planId: plan.id,
          actor,
          now: c.var.now().toISOString(),
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
          if (result.reason === 'card_not_found') throw notFound('card')
          if (result.reason === 'card_verified') {
            throw new ApiException(409, 'conflict', 'The card is verified; its evidence is frozen.')
          }
          // Another upload took the room meanwhile; the stored file is left to the sweep.
          if (result.reason === 'quota_exceeded') {
            throw quotaExceeded(c.var.lang, result.used, upload.size, quota)
          }
          throw forbidden('Only an assignee or the principal may add evidence.')
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
      const { plan, actor } = await getCardAccess(c.var.db, cardId, c.var.user.id)
      const result = await linkEvidence(c.var.db, {
        evidenceId: c.req.valid('json').evidenceId,
        cardId,
        planId: plan.id,
        actor,
        now: c.var.now().toISOString(),
      })
      if (!result.ok) {
        const message = LINK_REFUSED[c.var.lang][result.reason]
        if (result.reason === 'not_found') throw new ApiException(404, 'not_found', message)
        if (result.reason === 'forbidden') throw forbidden(message)
        throw new ApiException(409, 'conflict', message)
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
    await getPlanAccess(c.var.db, planId, c.var.user.id)
    const items = await listPlanEvidence(c.var.db, planId, c.req.valid('query').q)
    return c.json({ items }, 200)
  },
)

export const evidenceRoutes = new Hono<AppEnv>()
  .get(
    '/:evidenceId/file',
    validate('param', evidenceIdParamSchema),
    validate('query', z.object({ download: z.enum(['0', '1']).optional() })),
    async (c) => {
      const item = await findEvidence(c.var.db, c.req.valid('param').evidenceId)
      if (!item) throw notFound('evidence')
      try {
        await getPlanAccess(c.var.db, item.plan_id, c.var.user.id)
      } catch {
        throw notFound('evidence')
      }
      if (item.kind !== 'file' || !item.file_sha256) throw notFound('file')
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
      const file = c.var.files.open(item.file_sha256)
      return stream(c, async (s) => {
        for await (const chunk of file) await s.write(chunk as Uint8Array)
      })
    },
  )
  .patch(
    '/:evidenceId',
    validate('param', evidenceIdParamSchema),
    validate('json', z.object({ code: z.string().trim().min(1).max(40) })),
    async (c) => {
      const item = await findEvidence(c.var.db, c.req.valid('param').evidenceId)
      if (!item) throw notFound('evidence')
      const { actor } = await getPlanAccess(c.var.db, item.plan_id, c.var.user.id).catch(() => {
        throw notFound('evidence')
      })
      const result = await setEvidenceCode(c.var.db, {
        evidenceId: item.id,
        code: c.req.valid('json').code,
        actor,
        now: c.var.now().toISOString(),
      })
      if (!result.ok) {
        if (result.reason === 'forbidden')
          throw forbidden('Only the principal may change evidence codes.')
        if (result.reason === 'code_taken') {
          const message =
            c.var.lang === 'vi'
              ? 'Mã này đã được dùng trong kế hoạch.'
              : 'This code is already used in the plan.'
          return c.json({ error: { code: 'conflict' as const, message } }, 409)
        }
        throw notFound('evidence')
      }
      publishCardEvent(c, result.planId, result.cardId, null)
      return c.json({ ok: true }, 200)
    },
  )
  .delete('/:evidenceId', validate('param', evidenceIdParamSchema), async (c) => {
    const item = await findEvidence(c.var.db, c.req.valid('param').evidenceId)
    if (!item) throw notFound('evidence')
    const { actor } = await getPlanAccess(c.var.db, item.plan_id, c.var.user.id).catch(() => {
      throw notFound('evidence')
    })
    const result = await deleteEvidence(c.var.db, {
      evidenceId: item.id,
      actor,
      now: c.var.now().toISOString(),
    })
    if (!result.ok) {
      if (result.reason === 'not_uploader')
        throw forbidden('Only the person who added an item may delete it.')
      if (result.reason === 'frozen')
        throw new ApiException(409, 'conflict', 'The card is verified; its evidence is frozen.')
      if (result.reason === 'last_evidence')
        throw new ApiException(409, 'conflict', LAST_EVIDENCE[c.var.lang])
      throw notFound('evidence')
    }
    publishCardEvent(c, result.planId, result.cardId, null)
    return c.json({ ok: true }, 200)
  })
