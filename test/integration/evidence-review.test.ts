import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { insertTestCard } from '@caitien/server/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dbFingerprint } from '../support/cards.ts'
import { httpSession, startTestServer, type HttpSession } from '../support/http-server.ts'
import { buildWorld, type World } from '../support/world.ts'

let server: Awaited<ReturnType<typeof startTestServer>>
let world: World
const s = {} as Record<
  'assignee' | 'staff' | 'monitor' | 'monitorAssignee' | 'principal' | 'outsider',
  HttpSession
>

const PDF = (text: string) => new TextEncoder().encode(`%PDF-1.4\n% ${text}\n%%EOF\n`)
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])

/** Every file under the evidence store, temporary ones included. */
function storedFiles(dir = server.evidenceDir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? storedFiles(join(dir, e.name)) : [join(dir, e.name)],
  )
}

function uploadFile(who: HttpSession, cardId: string, name: string, bytes: Uint8Array) {
  return who.request(
    'POST',
    `/api/cards/${cardId}/evidence/files?name=${encodeURIComponent(name)}`,
    bytes,
    {
      headers: { 'content-type': 'application/octet-stream' },
    },
  )
}

beforeAll(async () => {
  server = await startTestServer({ maxEvidenceBytes: 64 * 1024 })
  world = await buildWorld(server.db)
  for (const key of ['assignee', 'staff', 'monitor', 'monitorAssignee', 'principal'] as const) {
    s[key] = httpSession(server.url)
    await s[key].login(world.users[key].login)
  }
  s.outsider = httpSession(server.url)
  await s.outsider.login(world.outsider.login)
})
afterAll(async () => {
  await server.stop()
})

async function newCard(status: 'planned' | 'in_progress' = 'in_progress', criterion = '1.3') {
  const id = await insertTestCard(server.db, world.plan, {
    criterion,
    assigneeIds: [world.users.assignee.id],
  })
  if (status === 'in_progress')
    await s.assignee.post(`/api/cards/${id}/move`, { to: 'in_progress', version: 1 })
  return id
}

describe('evidence files', () => {
  it('stores a PDF by content hash, names it [Hn-a.b-xx], and serves it inline to members only', async () => {
    const card = await newCard()
    const name = 'Biên bản họp tổ chuyên môn tháng 10.pdf'
    const res = await uploadFile(s.assignee, card, name, PDF('bien ban'))
    expect(res.status).toBe(201)
    expect(res.body.evidence).toMatchObject({ code: '[H1-1.3-01]', mimeType: 'application/pdf' })
    const file = await fetch(`${server.url}/api/evidence/${res.body.evidence.id}/file`, {
      headers: { cookie: s.monitor.cookie },
    })
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toBe('application/pdf')
    expect(file.headers.get('x-content-type-options')).toBe('nosniff')
    // Framed by our own pages only (the PDF preview), loading nothing itself.
    expect(file.headers.get('content-security-policy')).toMatch(/default-src 'none'/)
    expect(file.headers.get('content-security-policy')).toMatch(/frame-ancestors 'self'/)
    const disposition = file.headers.get('content-disposition')!
    expect(disposition).toMatch(/^inline;/)
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(disposition)![1]!)).toBe(name)
    expect(new TextDecoder().decode(await file.arrayBuffer())).toContain('bien ban')
    const download = await fetch(
      `${server.url}/api/evidence/${res.body.evidence.id}/file?download=1`,
      { headers: { cookie: s.staff.cookie } },
    )
    expect(download.headers.get('content-disposition')).toMatch(/^attachment;/)
    const outsider = await s.outsider.get(`/api/evidence/${res.body.evidence.id}/file`)
    expect(outsider.status).toBe(404)
    const anonymous = await fetch(`${server.url}/api/evidence/${res.body.evidence.id}/file`)
    expect(anonymous.status).toBe(401)
  })

  it('links a file at an address ending in its name (the PDF viewer titles it so)', async () => {
    const card = await newCard()
    const name = 'Biên bản có chữ ký.pdf'
    const res = await uploadFile(s.assignee, card, name, PDF('co chu ky'))
    expect(res.status).toBe(201)
    const detail = await s.monitor.get(`/api/cards/${card}`)
    const item = (
      detail.body.card.evidence as { id: string; file: { name: string; href: string } | null }[]
    ).find((e) => e.id === res.body.evidence.id)!
    expect(item.file!.href).toBe(`/api/evidence/${item.id}/file/${encodeURIComponent(name)}`)
    const file = await fetch(server.url + item.file!.href, {
      headers: { cookie: s.monitor.cookie },
    })
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toBe('application/pdf')
    expect(file.headers.get('content-security-policy')).toMatch(/default-src 'none'/)
    expect(file.headers.get('content-security-policy')).toMatch(/sandbox/)
    expect(new TextDecoder().decode(await file.arrayBuffer())).toContain('co chu ky')
    const outsider = await s.outsider.get(item.file!.href)
    expect(outsider.status).toBe(404)
  })

  it('serves a file sandboxed and never cached, conditional requests included', async () => {
    const card = await newCard()
    const res = await uploadFile(s.assignee, card, 'anh.png', PNG)
    const url = `${server.url}/api/evidence/${res.body.evidence.id}/file`
    const conditions: Record<string, string>[] = [
      { cookie: s.monitor.cookie },
      {
        cookie: s.monitor.cookie,
        'if-none-match': '*',
        'if-modified-since': new Date().toUTCString(),
      },
    ]
    for (const headers of conditions) {
      const file = await fetch(url, { headers })
      expect(file.status).toBe(200)
      const csp = file.headers.get('content-security-policy')!
      // Run as a unique origin: no script, no form, no same-origin access, even if opened alone.
      expect(csp.split(';').map((d) => d.trim())).toContain('sandbox')
      expect(csp).toMatch(/default-src 'none'/)
      expect(csp).toMatch(/frame-ancestors 'self'/)
      // A shared school computer: nothing kept to reopen after logout.
      expect(file.headers.get('cache-control')).toBe('no-store')
      expect(file.headers.get('etag')).toBeNull()
      expect(file.headers.get('x-content-type-options')).toBe('nosniff')
      await file.arrayBuffer()
    }
  })

  it('refuses a file over the limit with 413 and leaves nothing behind', async () => {
    const card = await newCard()
    const before = storedFiles().length
    const fingerprint = await dbFingerprint(server.db)
    const big = new Uint8Array(65 * 1024)
    big.set(PDF('big'))
    const res = await uploadFile(s.assignee, card, 'lon.pdf', big)
    expect(res.status).toBe(413)
    expect(res.body.error.code).toBe('payload_too_large')
    // Streamed without a length: the limit is enforced while reading, too.
    const chunked = await fetch(`${server.url}/api/cards/${card}/evidence/files?name=lon.pdf`, {
      method: 'POST',
      headers: { cookie: s.assignee.cookie, 'content-type': 'application/octet-stream' },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 20; i++) controller.enqueue(new Uint8Array(8 * 1024))
          controller.close()
        },
      }),
      duplex: 'half',
    } as RequestInit)
    expect(chunked.status).toBe(413)
    expect(storedFiles().length).toBe(before)
    expect(await dbFingerprint(server.db)).toBe(fingerprint)
  })

  it.each([
    [
      'an HTML page named .pdf',
      'bao-cao.pdf',
      new TextEncoder().encode('<!doctype html><script>alert(1)</script>'),
    ],
    [
      'a Windows executable named .pdf',
      'bao-cao.pdf',
      new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]),
    ],
    [
      'a shell script named .docx',
      'ke-hoach.docx',
      new TextEncoder().encode('#!/bin/sh\nrm -rf /\n'),
    ],
    ['a PDF named .png', 'anh.png', PDF('x')],
    ['an empty file', 'trong.pdf', new Uint8Array()],
  ])('refuses %s and keeps nothing', async (_name, fileName, bytes) => {
    const card = await newCard()
    const before = storedFiles().length
    const fingerprint = await dbFingerprint(server.db)
    const res = await uploadFile(s.assignee, card, fileName, bytes)
    expect([400, 415]).toContain(res.status)
    expect(storedFiles().length).toBe(before)
    expect(await dbFingerprint(server.db)).toBe(fingerprint)
  })

  it('keeps a hostile file name from escaping or breaking the store', async () => {
    const card = await newCard()
    const hostile = `../../../etc/passwd\u0000${'ả'.repeat(300)}.png`
    const res = await uploadFile(s.assignee, card, hostile, PNG)
    expect(res.status).toBe(201)
    const row = await server.db
      .selectFrom('evidence')
      .select(['file_name', 'file_sha256'])
      .where('id', '=', res.body.evidence.id)
      .executeTakeFirstOrThrow()
    expect(row.file_name).not.toMatch(/[/\\]/)
    expect(row.file_name).not.toContain(String.fromCharCode(0))
    expect(row.file_name!.length).toBeLessThanOrEqual(200)
    expect(row.file_name).toMatch(/\.png$/)
    for (const path of storedFiles()) expect(path.startsWith(server.evidenceDir)).toBe(true)
    expect(storedFiles().some((p) => p.endsWith(row.file_sha256!))).toBe(true)
    const file = await fetch(`${server.url}/api/evidence/${res.body.evidence.id}/file`, {
      headers: { cookie: s.assignee.cookie },
    })
    expect(file.status).toBe(200)
  })

  it('stores the same content once', async () => {
    const a = await newCard()
    const b = await newCard()
    const bytes = PDF('same content')
    const first = await uploadFile(s.assignee, a, 'a.pdf', bytes)
    const second = await uploadFile(s.assignee, b, 'b.pdf', bytes)
    expect([first.status, second.status]).toEqual([201, 201])
    const rows = await server.db
      .selectFrom('evidence')
      .select('file_sha256')
      .where('id', 'in', [first.body.evidence.id, second.body.evidence.id])
      .execute()
    expect(new Set(rows.map((r) => r.file_sha256)).size).toBe(1)
    expect(storedFiles().filter((p) => p.endsWith(rows[0]!.file_sha256!))).toHaveLength(1)
    expect(storedFiles().filter((p) => p.startsWith(join(server.evidenceDir, 'tmp')))).toEqual([])
  })

  it('accepts a real .docx and an image, typed from their bytes', async () => {
    const { readFileSync } = await import('node:fs')
    const { fileURLToPath } = await import('node:url')
    const docx = readFileSync(
      fileURLToPath(new URL('../fixtures/plans/plan-002.docx', import.meta.url)),
    )
    const card = await newCard()
    const res = await uploadFile(s.assignee, card, 'Kế hoạch.docx', new Uint8Array(docx))
    expect(res.status).toBe(201)
    expect(res.body.evidence.mimeType).toMatch(/wordprocessingml/)
    const file = await fetch(`${server.url}/api/evidence/${res.body.evidence.id}/file`, {
      headers: { cookie: s.assignee.cookie },
    })
    expect(file.headers.get('content-disposition')).toMatch(/^attachment;/)
  })

  it('lets the uploader delete an item before verification, with a trace; frozen after', async () => {
    const card = await newCard()
    const item = await uploadFile(s.assignee, card, 'x.pdf', PDF('to delete'))
    expect((await s.principal.delete(`/api/evidence/${item.body.evidence.id}`)).status).toBe(403)
    expect((await s.assignee.delete(`/api/evidence/${item.body.evidence.id}`)).status).toBe(200)
    const detail = await s.assignee.get(`/api/cards/${card}`)
    expect(detail.body.card.evidence).toEqual([])
    expect(detail.body.card.activity[0]).toMatchObject({
      action: 'evidence_deleted',
      detail: { code: item.body.evidence.code },
    })

    const kept = await uploadFile(s.assignee, card, 'y.pdf', PDF('kept'))
    await s.assignee.post(`/api/cards/${card}/move`, { to: 'evidence_submitted', version: 2 })
    await s.monitor.post(`/api/cards/${card}/move`, { to: 'verified', version: 3 })
    expect((await s.assignee.delete(`/api/evidence/${kept.body.evidence.id}`)).status).toBe(409)
    expect((await uploadFile(s.assignee, card, 'z.pdf', PDF('late'))).status).toBe(409)
  })

  it('lets the principal adjust a code, unique within the plan', async () => {
    const card = await newCard('in_progress', '4.1')
    const a = await s.assignee.post(`/api/cards/${card}/evidence`, {
      kind: 'note',
      title: 'A',
      note: 'a',
    })
    const b = await s.assignee.post(`/api/cards/${card}/evidence`, {
      kind: 'note',
      title: 'B',
      note: 'b',
    })
    expect([a.body.evidence.code, b.body.evidence.code]).toEqual(['[H4-4.1-01]', '[H4-4.1-02]'])
    expect(
      (await s.assignee.patch(`/api/evidence/${b.body.evidence.id}`, { code: '[H4-4.1-09]' }))
        .status,
    ).toBe(403)
    expect(
      (await s.principal.patch(`/api/evidence/${b.body.evidence.id}`, { code: '[H4-4.1-01]' }))
        .status,
    ).toBe(409)
    expect(
      (await s.principal.patch(`/api/evidence/${b.body.evidence.id}`, { code: '[H1-4.1-02]' }))
        .status,
    ).toBe(200)
    const next = await s.assignee.post(`/api/cards/${card}/evidence`, {
      kind: 'note',
      title: 'C',
      note: 'c',
    })
    expect(next.body.evidence.code).toBe('[H4-4.1-02]')
  })

  it('links an item to a second card, keeping its code', async () => {
    const first = await newCard('in_progress', '2.1')
    const second = await newCard('in_progress', '3.2')
    const item = await uploadFile(s.assignee, first, 'dung-chung.pdf', PDF('shared'))
    const link = await s.assignee.post(`/api/cards/${second}/evidence/links`, {
      evidenceId: item.body.evidence.id,
    })
    expect(link.status).toBe(201)
    expect(
      (
        await s.assignee.post(`/api/cards/${second}/evidence/links`, {
          evidenceId: item.body.evidence.id,
        })
      ).status,
    ).toBe(409)
    const detail = await s.assignee.get(`/api/cards/${second}`)
    expect(detail.body.card.evidence).toEqual([
      expect.objectContaining({ code: '[H2-2.1-01]', linkedFromCardId: first }),
    ])
    const board = await s.assignee.get(`/api/plans/${world.plan.id}/board`)
    expect(board.body.cards.find((c: { id: string }) => c.id === second).evidenceCount).toBe(1)
    // The linked item lets the second card be submitted.
    expect(
      (await s.assignee.post(`/api/cards/${second}/move`, { to: 'evidence_submitted', version: 2 }))
        .status,
    ).toBe(200)
  })
})

describe('the review', () => {
  it('records each verdict with its submission number, queues oldest first, and shows what changed', async () => {
    const older = await newCard('in_progress', '5.1')
    const newer = await newCard('in_progress', '5.2')
    await s.assignee.post(`/api/cards/${older}/evidence`, {
      kind: 'note',
      title: 'Biên bản',
      note: 'v1',
    })
    await s.assignee.post(`/api/cards/${newer}/evidence`, {
      kind: 'note',
      title: 'Ảnh',
      note: 'v1',
    })
    server.setNow(new Date('2026-11-16T01:00:00Z'))
    await s.assignee.post(`/api/cards/${older}/move`, { to: 'evidence_submitted', version: 2 })
    server.setNow(new Date('2026-11-16T02:00:00Z'))
    await s.assignee.post(`/api/cards/${newer}/move`, { to: 'evidence_submitted', version: 2 })

    let queue = await s.monitor.get(`/api/plans/${world.plan.id}/review-queue`)
    const ids = queue.body.queue.map((q: { card: { id: string } }) => q.card.id)
    expect(ids.indexOf(older)).toBeLessThan(ids.indexOf(newer))

    server.setNow(new Date('2026-11-16T03:00:00Z'))
    const back = await s.monitor.post(`/api/cards/${older}/move`, {
      to: 'in_progress',
      version: 3,
      reason: 'Thiếu chữ ký của Hiệu trưởng',
    })
    expect(back.status).toBe(200)
    server.setNow(new Date('2026-11-16T04:00:00Z'))
    await uploadFile(s.assignee, older, 'bien-ban-co-chu-ky.pdf', PDF('signed'))
    await s.assignee.post(`/api/cards/${older}/move`, { to: 'evidence_submitted', version: 4 })

    queue = await s.monitor.get(`/api/plans/${world.plan.id}/review-queue`)
    const entry = queue.body.queue.find((q: { card: { id: string } }) => q.card.id === older)
    expect(entry).toMatchObject({
      submission: 2,
      lastSendBack: { reason: 'Thiếu chữ ký của Hiệu trưởng' },
      changesSinceSendBack: [
        expect.objectContaining({ action: 'evidence_added', title: 'bien-ban-co-chu-ky.pdf' }),
      ],
    })

    server.setNow(new Date('2026-11-16T05:00:00Z'))
    const ok = await s.monitor.post(`/api/cards/${older}/move`, {
      to: 'verified',
      version: 5,
      reason: 'Đạt',
    })
    expect(ok.status).toBe(200)
    const detail = await s.principal.get(`/api/cards/${older}`)
    expect(detail.body.card.reviews).toEqual([
      expect.objectContaining({
        verdict: 'verified',
        reason: 'Đạt',
        submission: 2,
        reviewer: expect.objectContaining({ id: world.users.monitor.id }),
      }),
      expect.objectContaining({
        verdict: 'sent_back',
        reason: 'Thiếu chữ ký của Hiệu trưởng',
        submission: 1,
      }),
    ])
    expect(detail.body.card.resubmissions).toBe(1)
    expect((await s.staff.get(`/api/plans/${world.plan.id}/review-queue`)).status).toBe(403)
  })
})

describe('the inbox', () => {
  it('shows sent-back cards with the reason, cards to review, and verified cards, with unread counts', async () => {
    const card = await newCard('in_progress', '2.5')
    await s.assignee.post(`/api/cards/${card}/evidence`, {
      kind: 'note',
      title: 'Kế hoạch',
      note: 'v1',
    })
    await s.assignee.post(`/api/cards/${card}/move`, { to: 'evidence_submitted', version: 2 })

    const monitorInbox = await s.monitor.get('/api/inbox')
    expect(monitorInbox.body.toReview.map((i: { cardId: string }) => i.cardId)).toContain(card)
    // Never asked to review a card one is assigned to.
    const own = await s.monitorAssignee.get('/api/inbox')
    expect(own.status).toBe(200)

    server.setNow(new Date('2026-11-17T03:00:00Z'))
    await s.monitor.post(`/api/cards/${card}/move`, {
      to: 'in_progress',
      version: 3,
      reason: 'Cần ảnh minh họa',
    })
    let inbox = await s.assignee.get('/api/inbox')
    expect(inbox.body.sentBack).toContainEqual(
      expect.objectContaining({ cardId: card, reason: 'Cần ảnh minh họa', unread: true }),
    )
    const unread = inbox.body.unread
    expect(unread).toBeGreaterThan(0)

    expect((await s.assignee.post('/api/inbox/seen')).status).toBe(200)
    inbox = await s.assignee.get('/api/inbox')
    expect(inbox.body.unread).toBe(0)

    server.setNow(new Date('2026-11-17T05:00:00Z'))
    await s.assignee.post(`/api/cards/${card}/move`, { to: 'evidence_submitted', version: 4 })
    server.setNow(new Date('2026-11-17T06:00:00Z'))
    await s.monitor.post(`/api/cards/${card}/move`, { to: 'verified', version: 5 })
    inbox = await s.assignee.get('/api/inbox')
    expect(inbox.body.sentBack.map((i: { cardId: string }) => i.cardId)).not.toContain(card)
    expect(inbox.body.verified).toContainEqual(
      expect.objectContaining({ cardId: card, unread: true }),
    )
    expect(inbox.body.unread).toBe(1)
  })
})
