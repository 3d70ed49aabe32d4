import { defineMessages, type Lang } from './messages.ts'
import type { PeopleRefusal, StaffColumn, StaffRowProblem } from './people.ts'

/** Column names as a staff list's headings say them. */
export const STAFF_COLUMN_LABELS = defineMessages(
  {
    displayName: 'Họ và tên',
    login: 'Tên đăng nhập',
    email: 'Email',
    phone: 'Điện thoại',
    position: 'Chức vụ',
    department: 'Tổ',
    roles: 'Vai trò',
  } satisfies Record<StaffColumn, string>,
  {
    displayName: 'Name',
    login: 'Login',
    email: 'E-mail',
    phone: 'Phone',
    position: 'Position',
    department: 'Department',
    roles: 'Roles',
  },
)
/** The server's answers about people, accounts and schools (issue 12). */
export const peopleMessages = defineMessages(
  {
    last_principal:
      'Trường phải còn ít nhất một Hiệu trưởng (hoặc Phó hiệu trưởng) đang hoạt động: hãy giao vai trò này cho người khác trước.',
    self: 'Bạn không thể tự khoá tài khoản của mình.',
    login_taken: (p: { login: string }) => `Tên đăng nhập “${p.login}” đã có người dùng.`,
    passwordChangeRequired: 'Hãy đặt mật khẩu mới trước khi tiếp tục.',
    accountDeactivated:
      'Tài khoản này đã bị khoá. Hãy liên hệ Hiệu trưởng của trường (Hiệu trưởng: liên hệ quản trị hệ thống).',
    schoolDeactivated:
      'Trường của bạn đang tạm dừng sử dụng caitien. Hãy liên hệ quản trị hệ thống.',
    staffNoHeader:
      'Không tìm thấy dòng tiêu đề: tệp cần có cột “Họ và tên” và cột “Tên đăng nhập” hoặc “Email”.',
    staffNoRows: 'Tệp có dòng tiêu đề nhưng không có người nào bên dưới.',
    staffNotTable: 'Tệp không có bảng nào để đọc.',
    staffTooManyRows: (p: { max: number }) =>
      `Danh sách có hơn ${p.max} người: hãy chia thành nhiều tệp.`,
    staffNotMultipart: 'Hãy gửi danh sách dạng multipart/form-data, với tệp ở trường “file”.',
    staffFileRequired: 'Chưa có tệp danh sách (trường “file”).',
  },
  {
    last_principal:
      'The school must keep at least one active principal (or vice-principal): give the role to someone else first.',
    self: 'You cannot deactivate your own account.',
    login_taken: (p) => `The login "${p.login}" is already in use.`,
    passwordChangeRequired: 'Choose a new password before you continue.',
    accountDeactivated:
      "This account is deactivated. Ask your school's principal (a principal: the system administrator).",
    schoolDeactivated:
      'Your school has stopped using caitien for now. Ask the system administrator.',
    staffNoHeader:
      'No heading row found: the file needs a "Name" column and a "Login" or "E-mail" column.',
    staffNoRows: 'The file has a heading row but nobody below it.',
    staffNotTable: 'The file has no table to read.',
    staffTooManyRows: (p) => `The list has more than ${p.max} people: split it into several files.`,
    staffNotMultipart: 'Send the list as multipart/form-data with a "file" field.',
    staffFileRequired: 'A staff list file is required (the "file" field).',
  },
)

/** A refusal of a change to a person, in the user's language. */
export function peopleRefusalMessage(reason: PeopleRefusal, lang: Lang, login = ''): string {
  const m = peopleMessages[lang]
  return reason === 'login_taken' ? m.login_taken({ login }) : m[reason]
}

/** The problems of a staff-list row (people.ts StaffRowProblem), one sentence each. */
export const staffRowMessages = defineMessages(
  {
    name_missing: 'Thiếu họ và tên.',
    login_missing: 'Thiếu tên đăng nhập hoặc email.',
    login_invalid: (p: { login: string }) =>
      `Tên đăng nhập “${p.login}” chỉ được gồm chữ không dấu, số và . _ - @ + (2-100 ký tự).`,
    login_taken: (p: { login: string }) => `Tên đăng nhập “${p.login}” đã có người dùng.`,
    login_repeated: (p: { login: string; firstRow: number }) =>
      `Tên đăng nhập “${p.login}” trùng với dòng ${p.firstRow}.`,
    email_invalid: (p: { email: string }) =>
      `Email “${p.email}” không đúng dạng ten@truong.edu.vn.`,
    role_unknown: (p: { text: string }) =>
      `Không hiểu vai trò “${p.text}”: dùng Giáo viên, Tổ giám sát, Hiệu trưởng hoặc Phó hiệu trưởng.`,
    too_long: (p: { column: string; max: number }) => `Cột “${p.column}” dài quá ${p.max} ký tự.`,
    formula: (p: { column: string }) =>
      `Cột “${p.column}” bắt đầu như một công thức (=, +, -, @): hãy nhập chữ thường.`,
  },
  {
    name_missing: 'The name is missing.',
    login_missing: 'The login or e-mail is missing.',
    login_invalid: (p) =>
      `The login "${p.login}" may hold only letters a-z, digits and . _ - @ + (2-100 characters).`,
    login_taken: (p) => `The login "${p.login}" is already in use.`,
    login_repeated: (p) => `The login "${p.login}" repeats row ${p.firstRow}.`,
    email_invalid: (p) => `The e-mail "${p.email}" does not look like name@school.edu.vn.`,
    role_unknown: (p) =>
      `Unknown role "${p.text}": use staff, monitor, principal or vice-principal.`,
    too_long: (p) => `The "${p.column}" column is longer than ${p.max} characters.`,
    formula: (p) =>
      `The "${p.column}" column starts like a formula (=, +, -, @): enter plain text.`,
  },
)

/** One problem of a staff-list row, as a whole sentence in the user's language. */
export function staffRowProblemText(problem: StaffRowProblem, lang: Lang): string {
  const m = staffRowMessages[lang]
  const column = (c: StaffColumn) => STAFF_COLUMN_LABELS[lang][c]
  switch (problem.kind) {
    case 'name_missing':
    case 'login_missing':
      return m[problem.kind]
    case 'login_invalid':
    case 'login_taken':
      return m[problem.kind]({ login: problem.login })
    case 'login_repeated':
      return m.login_repeated(problem)
    case 'email_invalid':
      return m.email_invalid(problem)
    case 'role_unknown':
      return m.role_unknown(problem)
    case 'too_long':
      return m.too_long({ column: column(problem.column), max: problem.max })
    case 'formula':
      return m.formula({ column: column(problem.column) })
  }
}
