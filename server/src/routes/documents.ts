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
import { download } from '../download.ts'
import { getPlanAccess } from '../access.ts'
import { bieu2Docx, checkpointReportDocx, evidenceListFile } from '../documents/plan-documents.ts'
import { ApiException, worded } from '../http-error.ts'
import { validate } from '../middleware/validate.ts'

/**
 * The plan's official documents: anyone who sees the plan may download them. A checkpoint
 * review's report exists once the review is opened (a draft until signed off); before, 409
 * with the words the review's own routes use.
 */
export const planDocumentRoutes = new Hono<AppEnv>()
  .get('/:planId/export/bieu-2.docx', validate('param', planIdParamSchema), async (c) => {
    const { plan } = await getPlanAccess(c.get('db'), c.req.valid('param').planId, c.get('user').id)
    return download(c, await bieu2Docx(c.get('db'), plan, c.get('now')()), 'docx', {
      ascii: `bieu-2-${plan.school_year}.docx`,
      full: `Biểu 2 – ${plan.title}.docx`,
    })
  })
  .get(
    '/:planId/export/evidence-list',
    validate('param', planIdParamSchema),
    validate('query', z.object({ format: z.enum(['docx', 'xlsx']).default('xlsx') })),
    async (c) => {
      const { plan } = await getPlanAccess(
        c.get('db'),
        c.req.valid('param').planId,
        c.get('user').id,
      )
      const { format } = c.req.valid('query')
      return download(
        c,
        await evidenceListFile(c.get('db'), plan, format, c.get('now')()),
        format,
        {
          ascii: `danh-muc-minh-chung-${plan.school_year}.${format}`,
          full: `Danh mục minh chứng – ${plan.title}.${format}`,
        },
      )
    },
  )
  .get(
    '/:planId/checkpoints/:checkpoint/report.docx',
    validate('param', checkpointParamSchema),
    async (c) => {
      const { planId, checkpoint } = c.req.valid('param')
      const { plan } = await getPlanAccess(c.get('db'), planId, c.get('user').id)
      const bytes = await checkpointReportDocx(c.get('db'), plan, checkpoint, c.get('now')())
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
      return download(c, bytes, 'docx', {
        ascii: T.fileName({ checkpoint, schoolYear: plan.school_year }),
        full: T.fileTitle({ checkpoint: checkpointNames.vi[checkpoint], plan: plan.title }),
      })
    },
  )
