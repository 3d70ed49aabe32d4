import { defineMessages } from './messages.ts'

/** The API's answers about a request as such, whatever the feature, in the user's language. */
export const requestMessages = defineMessages(
  {
    /** The same whatever was asked for: a thing of another school must look like none. */
    notFound: 'Không tìm thấy, hoặc bạn không có quyền xem.',
    loginRequired: 'Hãy đăng nhập.',
    crossOrigin: 'Yêu cầu từ trang web khác bị từ chối.',
    jsonOnly: 'Nội dung yêu cầu phải là JSON (application/json).',
    bodyTooLarge: (p: { mb: number }) => `Nội dung yêu cầu lớn hơn giới hạn ${p.mb} MB.`,
    /** `detail`: what the schema says, for developers (field paths, in English). */
    invalidInput: (p: { detail: string }) => `Dữ liệu gửi lên không hợp lệ: ${p.detail}`,
    /** U+0000: PostgreSQL cannot store it in text, and no one types it. */
    nulCharacter: 'Dữ liệu gửi lên chứa ký tự rỗng (U+0000), không lưu được. Hãy xoá ký tự đó.',
    internalError: 'Máy chủ gặp lỗi. Hãy thử lại sau.',
    noRoute: (p: { method: string; path: string }) =>
      `Không có địa chỉ ${p.method} ${p.path} trong hệ thống.`,
  },
  {
    notFound: 'Not found, or not yours to see.',
    loginRequired: 'Please log in.',
    crossOrigin: 'Cross-origin request refused.',
    jsonOnly: 'Send the request body as application/json.',
    bodyTooLarge: (p) => `The request body is over the ${p.mb} MB limit.`,
    invalidInput: (p) => `The request is not valid: ${p.detail}`,
    nulCharacter: 'The request contains a NUL character (U+0000), which cannot be stored.',
    internalError: 'Something went wrong on the server.',
    noRoute: (p) => `There is no route for ${p.method} ${p.path}.`,
  },
)
