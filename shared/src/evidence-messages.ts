import { defineMessages } from './messages.ts'

/** What the server answers about evidence files and items, in the user's language. */
export const evidenceMessages = defineMessages(
  {
    tooLarge: (p: { mb: number }) => `Tệp lớn hơn giới hạn ${p.mb} MB.`,
    emptyFile: 'Tệp trống, không có nội dung.',
    wrongType:
      'Chỉ nhận tệp PDF, ảnh (PNG, JPEG, GIF, WebP) và tài liệu Word, Excel, PowerPoint; nội dung tệp phải đúng với phần mở rộng của tên tệp.',
    quotaExceeded: (p: { used: string; quota: string; size: string }) =>
      `Trường đã dùng ${p.used} trong giới hạn ${p.quota} dành cho minh chứng; tệp này (${p.size}) vượt quá phần còn lại. Hãy xoá bớt minh chứng không còn cần, hoặc nhờ quản trị hệ thống tăng giới hạn.`,
    alreadyLinked: 'Minh chứng này đã có trên thẻ.',
    notInPlan: 'Không tìm thấy minh chứng này trong kế hoạch; có thể nó vừa bị xoá.',
    codeTaken: 'Mã này đã được dùng trong kế hoạch.',
  },
  {
    tooLarge: (p) => `The file is larger than the ${p.mb} MB limit.`,
    emptyFile: 'The file is empty.',
    wrongType:
      'Only PDF, images (PNG, JPEG, GIF, WebP) and Word, Excel and PowerPoint documents are accepted, and the content must match the file name.',
    quotaExceeded: (p) =>
      `The school uses ${p.used} of its ${p.quota} evidence storage; this file (${p.size}) does not fit in what is left. Delete evidence that is no longer needed, or ask the administrator to raise the limit.`,
    alreadyLinked: 'The item is already on this card.',
    notInPlan: 'This evidence is not in the plan; it may have just been deleted.',
    codeTaken: 'This code is already used in the plan.',
  },
)
