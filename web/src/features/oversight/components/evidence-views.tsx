import { formatDateTime, overseerActivityMessages } from '@caitien/shared'
import { queryOptions, useQuery } from '@tanstack/react-query'
import { parseResponse } from 'hono/client'
import { client } from '@/lib/api-client'
import { useMessages } from '@/lib/i18n'

const views = client.api.plans[':planId']['evidence-views']

const evidenceViewsQueryOptions = (planId: string) =>
  queryOptions({
    queryKey: ['plans', planId, 'evidence-views'] as const,
    queryFn: () => parseResponse(views.$get({ param: { planId } })),
  })

/**
 * "Lượt xem của cơ quan quản lý": each time an overseer viewed the plan's evidence (the list or
 * a file), newest first, for the school to see (docs/decisions/029).
 */
export function EvidenceViews({ planId }: { planId: string }) {
  const m = useMessages(overseerActivityMessages)
  const query = useQuery(evidenceViewsQueryOptions(planId))
  const list = query.data?.views ?? []
  return (
    <section className="settings-section evidence-views" aria-labelledby="evidence-views-title">
      <h2 id="evidence-views-title" className="settings-title">
        {m.viewsTitle}
      </h2>
      {query.isSuccess && list.length === 0 && <p className="muted">{m.viewsNone}</p>}
      {list.length > 0 && (
        <ul className="evidence-views-list">
          {list.map((v) => {
            const at = formatDateTime(v.at)
            return (
              <li key={v.id}>
                {v.kind === 'file'
                  ? m.viewedFile({
                      name: v.userName,
                      body: v.bodyName,
                      title: v.evidenceTitle ?? '',
                      at,
                    })
                  : m.viewedList({ name: v.userName, body: v.bodyName, at })}
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
