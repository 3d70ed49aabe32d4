import {
  CHECKPOINT_REPORT_TEXT,
  checkpointMessages,
  checkpointNames,
  checkpointParamSchema,
  planIdParamSchema,
} from '@caitien/shared'
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../app-env.ts'
import { getPlanAccess } from '../access.ts'
import { bieu2Docx, checkpointReportDocx, evidenceListFile } from '../documents/plan-documents.ts'
import { ApiException, worded } from '../http-error.ts'
import { validate } from '../middleware/validate.ts'

const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const

/** An ASCII name for old browsers and the Vietnamese one (RFC 6266). */
const attachment = (ascii: string, name: string) =>
  `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`

/**
 * The plan's official documents: anyone who sees the plan may download them. A checkpoint
 * review's report exists once the review is opened (a draft until signed off); before, 409
 * with the words the review's own routes use.
 */
export const planDocumentRoutes = new Hono<AppEnv>()
  .get('/:planId/export/bieu-2.docx', validate('param', planIdParamSchema), async (c) => {
    const { plan } = await getPlanAccess(c.var.db, c.req.valid('param').planId, c.var.user.id)
    const bytes = await bieu2Docx(c.var.db, plan, c.var.now())
    c.header('Content-Type', MIME.docx)
    c.header(
      'Content-Disposition',
      attachment(`bieu-2-${plan.school_year}.docx`, `Biểu 2 – ${plan.title}.docx`),
    )
    return c.body(new Uint8Array(bytes), 200)
  })
  .get(
    '/:planId/export/evidence-list',
    validate('param', planIdParamSchema),
    validate('query', z.object({ format: z.enum(['docx', 'xlsx']).default('xlsx') })),
    async (c) => {
      const { plan } = await getPlanAccess(c.var.db, c.req.valid('param').planId, c.var.user.id)
      const { format } = c.req.valid('query')
      const bytes = await evidenceListFile(c.var.db, plan, format, c.var.now())
      c.header('Content-Type', MIME[format])
      c.header(
        'Content-Disposition',
        attachment(
          `danh-muc-minh-chung-${plan.school_year}.${format}`,
          `Danh mục minh chứng – ${plan.title}.${format}`,
        ),
      )
      return c.body(new Uint8Array(bytes), 200)
    },
  )
  .get(
    '/:planId/checkpoints/:checkpoint/report.docx',
    validate('param', checkpointParamSchema),
    async (c) => {
      const { planId, checkpoint } = c.req.valid('param')
      const { plan } = await getPlanAccess(c.var.db, planId, c.var.user.id)
      const bytes = await checkpointReportDocx(c.var.db, plan, checkpoint, c.var.now())
      if (!bytes) {
        throw new ApiException(
          409,
          'conflict',
          worded((lang) =>
            checkpointMessages[lang].notOpened({ moment: checkpointNames[lang][checkpoint] }),
          ),
        )
      }
      const T = CHECKPOINT_REPORT_TEXT
      c.header('Content-Type', MIME.docx)
      c.header(
        'Content-Disposition',
        attachment(
          T.fileName({ checkpoint, schoolYear: plan.school_year }),
          T.fileTitle({ checkpoint: checkpointNames.vi[checkpoint], plan: plan.title }),
        ),
      )
      return c.body(new Uint8Array(bytes), 200)
    },
  )
