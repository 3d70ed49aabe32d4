import { commentInputSchema, formatDateTime } from '@caitien/shared'
import { useState } from 'react'
import { Avatar } from '@/components/ui/avatar'
import { useToast } from '@/components/ui/toast'
import { errorMessage } from '@/lib/api-error'
import { commonMessages } from '@/lib/common-messages'
import { useMessages } from '@/lib/i18n'
import { useAddComment, type CardDetail } from '../api/card-queries'
import { cardMessages } from '../card-messages'

/** The card's comments; the form only for those who may comment (shared canComment). */
export function CommentsSection({
  card,
  canAdd,
  onChanged,
}: {
  card: CardDetail
  canAdd: boolean
  onChanged: () => void
}) {
  const m = useMessages(cardMessages)
  const common = useMessages(commonMessages)
  const { showToast } = useToast()
  const add = useAddComment(card.id, onChanged)
  const [body, setBody] = useState('')

  return (
    <section className="detail-section" aria-labelledby="detail-comments">
      <h3 id="detail-comments" className="section-title">
        {m.comments} <span className="section-count">{card.comments.length}</span>
      </h3>
      {card.comments.length === 0 ? (
        <p className="muted">{m.noComments}</p>
      ) : (
        <ul className="comments">
          {card.comments.map((c) => (
            <li key={c.id} className="comment">
              <Avatar id={c.author.id} name={c.author.displayName} size={26} />
              <div>
                <div className="meta">
                  <strong>{c.author.displayName}</strong> · {formatDateTime(c.createdAt)}
                </div>
                <p className="multiline">{c.body}</p>
              </div>
            </li>
          ))}
        </ul>
      )}
      {canAdd && (
        <form
          className="comment-form"
          onSubmit={(e) => {
            e.preventDefault()
            const parsed = commentInputSchema.safeParse({ body })
            if (!parsed.success) return
            add.mutate(parsed.data.body, {
              onSuccess: () => setBody(''),
              onError: (err) => showToast(errorMessage(err, common.loadFailed)),
            })
          }}
        >
          <label className="visually-hidden" htmlFor={`comment-${card.id}`}>
            {m.comments}
          </label>
          <textarea
            id={`comment-${card.id}`}
            rows={2}
            value={body}
            maxLength={5000}
            placeholder={m.commentPlaceholder}
            onChange={(e) => setBody(e.target.value)}
          />
          <div className="form-actions">
            <button
              type="submit"
              className="button button-primary"
              disabled={add.isPending || body.trim() === ''}
            >
              {m.send}
            </button>
          </div>
        </form>
      )}
    </section>
  )
}
