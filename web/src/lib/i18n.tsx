import type { Lang } from '@caitien/shared'
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import type { ReactNode } from 'react'

const STORAGE_KEY = 'caitien_lang'
const COOKIE = 'caitien_lang'

/** UI copy. Vietnamese is the source; English mirrors every key. */
const vi = {
  appName: 'caitien',
  appTagline: 'Kế hoạch cải tiến chất lượng giáo dục',
  login: 'Tên đăng nhập',
  password: 'Mật khẩu',
  signIn: 'Đăng nhập',
  signingIn: 'Đang đăng nhập…',
  signInTitle: 'Đăng nhập vào caitien',
  signInHint: 'Theo dõi từng hoạt động cải tiến, minh chứng và xác nhận của Tổ giám sát.',
  wrongLogin: 'Sai tên đăng nhập hoặc mật khẩu.',
  logout: 'Đăng xuất',
  language: 'Ngôn ngữ',
  plan: 'Kế hoạch',
  loading: 'Đang tải…',
  noPlans: 'Bạn chưa thuộc kế hoạch nào. Hãy liên hệ Hiệu trưởng.',
  loadFailed: 'Không tải được dữ liệu.',
  retry: 'Thử lại',
  networkError: 'Không kết nối được máy chủ. Hãy thử lại.',
  // toolbar
  filters: 'Bộ lọc',
  search: 'Tìm kiếm',
  searchPlaceholder: 'Tìm tiêu chí, nội dung, người chủ trì…',
  standard: 'Tiêu chuẩn',
  allStandards: 'Tất cả tiêu chuẩn',
  criterion: 'Tiêu chí',
  allCriteria: 'Tất cả tiêu chí',
  assignee: 'Người được giao',
  allAssignees: 'Tất cả mọi người',
  unassigned: 'Chưa giao',
  mine: 'Của tôi',
  overdue: 'Quá hạn',
  groupByStandard: 'Nhóm theo tiêu chuẩn',
  clearFilters: 'Xoá lọc',
  shown: 'Đang hiện',
  of: 'trên',
  cards: 'thẻ',
  noStandard: 'Chưa có tiêu chuẩn',
  emptyColumn: 'Chưa có thẻ',
  // tile
  criterionShort: 'TC',
  due: 'Hạn',
  evidenceCount: 'Minh chứng',
  commentCount: 'Bình luận',
  noAssignee: 'Chưa giao cho ai',
  moveTo: 'Chuyển sang…',
  cannotReorder: 'Chỉ người được giao hoặc Hiệu trưởng mới được sắp xếp thẻ này.',
  columnRefuses: 'Không thể thả vào đây',
  // reason dialog
  reasonTitleSendBack: 'Trả lại để bổ sung',
  reasonTitleReopen: 'Mở lại thẻ đã xác nhận',
  reasonSendBack: 'Trả lại thẻ về “Đang thực hiện”. Người thực hiện sẽ thấy lý do này.',
  reasonReopen: 'Mở lại thẻ đã xác nhận. Hãy cho biết vì sao.',
  reasonLabel: 'Lý do',
  reasonRequired: 'Cần nêu lý do.',
  confirm: 'Xác nhận',
  cancel: 'Huỷ',
  close: 'Đóng',
  save: 'Lưu',
  saving: 'Đang lưu…',
  moveFailed: 'Không chuyển được thẻ.',
  // detail
  cardDetail: 'Chi tiết hoạt động',
  status: 'Trạng thái',
  weakness: 'Điểm yếu',
  target: 'Kết quả cần đạt',
  tasks: 'Công việc / giải pháp',
  measures: 'Biện pháp thực hiện',
  lead: 'Chủ trì',
  coordinators: 'Phối hợp',
  timeframe: 'Thời gian thực hiện',
  budget: 'Kinh phí dự kiến',
  fundingSource: 'Nguồn kinh phí',
  support: 'Điều kiện hỗ trợ',
  expectedEvidence: 'Sản phẩm / Minh chứng dự kiến',
  notes: 'Ghi chú',
  section: 'Mức',
  planFields: 'Nội dung kế hoạch',
  assignees: 'Người được giao',
  editAssignees: 'Sửa',
  evidence: 'Minh chứng',
  noEvidence: 'Chưa có minh chứng.',
  addEvidence: 'Thêm minh chứng',
  evidenceLink: 'Đường dẫn',
  evidenceNote: 'Ghi chú',
  evidenceTitle: 'Tên minh chứng',
  evidenceUrl: 'Địa chỉ (https://…)',
  evidenceNoteBody: 'Nội dung',
  evidenceFrozen: 'Thẻ đã được xác nhận; minh chứng không thể thay đổi.',
  add: 'Thêm',
  comments: 'Bình luận',
  noComments: 'Chưa có bình luận.',
  commentPlaceholder: 'Viết bình luận…',
  send: 'Gửi',
  activity: 'Lịch sử',
  noActivity: 'Chưa có hoạt động.',
  by: 'bởi',
  someone: 'Ai đó',
  none: '—',
  months: 'tháng',
  saved: 'Đã lưu.',
  reasonPrefix: 'Lý do',
  cardGone: 'Thẻ này không còn tồn tại.',
  // live
  live: 'Trực tiếp',
  offline: 'Mất kết nối, đang thử lại…',
  // plans in and out
  planActions: 'Thao tác với kế hoạch',
  importPlan: 'Nhập kế hoạch',
  exportPlan: 'Xuất',
  exportXlsx: 'Excel (.xlsx)',
  exportCsv: 'CSV',
  newPlan: 'Kế hoạch mới',
  newPlanTitle: 'Tạo kế hoạch mới',
  planTitle: 'Tên kế hoạch',
  defaultPlanTitle: 'Kế hoạch cải tiến chất lượng giáo dục năm học',
  schoolYear: 'Năm học',
  framework: 'Bộ tiêu chuẩn đánh giá',
  newPlanHint: 'Kế hoạch mới chưa có thẻ nào. Sau khi tạo, hãy chọn tệp kế hoạch để nhập.',
  createAndImport: 'Tạo và nhập tệp',
  creating: 'Đang tạo…',
  createPlanFailed: 'Không tạo được kế hoạch.',
}

export type MessageKey = keyof typeof vi

const en: Record<MessageKey, string> = {
  appName: 'caitien',
  appTagline: 'Education quality improvement plan',
  login: 'Login',
  password: 'Password',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  signInTitle: 'Sign in to caitien',
  signInHint: 'Follow every improvement action, its evidence and the monitoring team’s checks.',
  wrongLogin: 'Wrong login or password.',
  logout: 'Log out',
  language: 'Language',
  plan: 'Plan',
  loading: 'Loading…',
  noPlans: 'You are not part of any plan yet. Ask your principal.',
  loadFailed: 'Could not load the data.',
  retry: 'Retry',
  networkError: 'Could not reach the server. Please try again.',
  filters: 'Filters',
  search: 'Search',
  searchPlaceholder: 'Search criterion, content, lead…',
  standard: 'Standard',
  allStandards: 'All standards',
  criterion: 'Criterion',
  allCriteria: 'All criteria',
  assignee: 'Assignee',
  allAssignees: 'Everyone',
  unassigned: 'Unassigned',
  mine: 'Mine',
  overdue: 'Overdue',
  groupByStandard: 'Group by standard',
  clearFilters: 'Clear',
  shown: 'Showing',
  of: 'of',
  cards: 'cards',
  noStandard: 'No standard',
  emptyColumn: 'No cards',
  criterionShort: 'C',
  due: 'Due',
  evidenceCount: 'Evidence',
  commentCount: 'Comments',
  noAssignee: 'Not assigned',
  moveTo: 'Move to…',
  cannotReorder: 'Only an assignee or the principal may reorder this card.',
  columnRefuses: 'Cannot drop here',
  reasonTitleSendBack: 'Send back for more work',
  reasonTitleReopen: 'Reopen a verified card',
  reasonSendBack: 'Send the card back to “In progress”. The assignees will see this reason.',
  reasonReopen: 'Reopen a verified card. Please say why.',
  reasonLabel: 'Reason',
  reasonRequired: 'A reason is required.',
  confirm: 'Confirm',
  cancel: 'Cancel',
  close: 'Close',
  save: 'Save',
  saving: 'Saving…',
  moveFailed: 'Could not move the card.',
  cardDetail: 'Action details',
  status: 'Status',
  weakness: 'Weakness',
  target: 'Target result',
  tasks: 'Tasks / solutions',
  measures: 'Measures',
  lead: 'Lead',
  coordinators: 'Coordinators',
  timeframe: 'Timeframe',
  budget: 'Estimated budget',
  fundingSource: 'Funding source',
  support: 'Other support',
  expectedEvidence: 'Expected products / evidence',
  notes: 'Notes',
  section: 'Level',
  planFields: 'Plan content',
  assignees: 'Assignees',
  editAssignees: 'Edit',
  evidence: 'Evidence',
  noEvidence: 'No evidence yet.',
  addEvidence: 'Add evidence',
  evidenceLink: 'Link',
  evidenceNote: 'Note',
  evidenceTitle: 'Title',
  evidenceUrl: 'Address (https://…)',
  evidenceNoteBody: 'Text',
  evidenceFrozen: 'The card is verified; its evidence is frozen.',
  add: 'Add',
  comments: 'Comments',
  noComments: 'No comments yet.',
  commentPlaceholder: 'Write a comment…',
  send: 'Send',
  activity: 'Activity',
  noActivity: 'No activity yet.',
  by: 'by',
  someone: 'Someone',
  none: '—',
  months: 'months',
  saved: 'Saved.',
  reasonPrefix: 'Reason',
  cardGone: 'This card no longer exists.',
  live: 'Live',
  offline: 'Connection lost, retrying…',
  planActions: 'Plan actions',
  importPlan: 'Import plan',
  exportPlan: 'Export',
  exportXlsx: 'Excel (.xlsx)',
  exportCsv: 'CSV',
  newPlan: 'New plan',
  newPlanTitle: 'Create a new plan',
  planTitle: 'Plan title',
  defaultPlanTitle: 'Education quality improvement plan, school year',
  schoolYear: 'School year',
  framework: 'Assessment framework',
  newPlanHint: 'A new plan has no cards yet. Once it is created, choose the plan file to import.',
  createAndImport: 'Create and import a file',
  creating: 'Creating…',
  createPlanFailed: 'Could not create the plan.',
}

const MESSAGES: Record<Lang, Record<MessageKey, string>> = { vi, en }

export function translate(lang: Lang, key: MessageKey): string {
  return MESSAGES[lang][key]
}

function readStoredLang(): Lang {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY)
    if (stored === 'en' || stored === 'vi') return stored
  } catch {
    // storage may be blocked; the cookie still carries the choice
  }
  return document.cookie.split('; ').includes(`${COOKIE}=en`) ? 'en' : 'vi'
}

/** The server words its messages by this cookie, so it must follow every switch. */
function writeLang(lang: Lang) {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang)
  } catch {
    // ignore: see readStoredLang
  }
  document.cookie = `${COOKIE}=${lang}; path=/; max-age=31536000; samesite=lax`
  document.documentElement.lang = lang
}

interface I18nValue {
  lang: Lang
  setLang: (lang: Lang) => void
  t: (key: MessageKey) => string
}

const I18nContext = createContext<I18nValue | null>(null)

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const initial = readStoredLang()
    writeLang(initial)
    return initial
  })
  useEffect(() => writeLang(lang), [lang])
  const setLang = useCallback((next: Lang) => setLangState(next), [])
  const value = useMemo<I18nValue>(
    () => ({ lang, setLang, t: (key) => MESSAGES[lang][key] }),
    [lang, setLang],
  )
  return <I18nContext value={value}>{children}</I18nContext>
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext)
  if (!value) throw new Error('useI18n outside I18nProvider')
  return value
}
