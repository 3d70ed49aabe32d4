import { defineMessages } from '@caitien/shared'

/** The frame around the features: brand, header, plan choice, the board page's own notes. */
export const appMessages = defineMessages(
  {
    appName: 'caitien',
    appTagline: 'Kế hoạch cải tiến chất lượng giáo dục',
    language: 'Ngôn ngữ',
    plan: 'Kế hoạch',
    noPlans: 'Bạn chưa thuộc kế hoạch nào. Hãy liên hệ Hiệu trưởng.',
    logout: 'Đăng xuất',
    live: 'Trực tiếp',
    offline: 'Mất kết nối, đang thử lại…',
    planActions: 'Thao tác với kế hoạch',
    importPlan: 'Nhập kế hoạch',
    newPlan: 'Kế hoạch mới',
    addCard: 'Thêm hoạt động',
    deletedCards: 'Thẻ đã xoá',
    planSettings: 'Cài đặt',
    archivedPlans: 'Đã lưu trữ',
    archivedPlan: (p: { title: string }) => `${p.title} (đã lưu trữ)`,
    archivedBanner:
      'Kế hoạch này đã được lưu trữ: chỉ xem, tìm kiếm và xuất được. Hiệu trưởng có thể bỏ lưu trữ trong Cài đặt.',
  },
  {
    appName: 'caitien',
    appTagline: 'Education quality improvement plan',
    language: 'Language',
    plan: 'Plan',
    noPlans: 'You are not part of any plan yet. Ask your principal.',
    logout: 'Log out',
    live: 'Live',
    offline: 'Connection lost, retrying…',
    planActions: 'Plan actions',
    importPlan: 'Import plan',
    newPlan: 'New plan',
    addCard: 'Add an action',
    deletedCards: 'Deleted cards',
    planSettings: 'Settings',
    archivedPlans: 'Archived',
    archivedPlan: (p) => `${p.title} (archived)`,
    archivedBanner:
      'This plan is archived: it can be read, searched and exported only. The principal can unarchive it in Settings.',
  },
)
