import { defineMessages } from '@caitien/shared'

/**
 * Overseeing bodies set up in the web app (issue 14, docs/decisions/029): the system
 * administrator's page and the add-overseer dialog a body's lead opens from the roll-up.
 * The kinds' names are shared (`bodyKindLabels`); never "Phòng GD&ĐT" (DESIGN §8).
 */
export const bodiesMessages = defineMessages(
  {
    menuBodies: 'Cơ quan quản lý',
    title: 'Cơ quan quản lý các trường',
    hint: 'Phòng Văn hóa - Xã hội của xã, phường và Sở Giáo dục và Đào tạo: tạo cơ quan, chọn các trường cơ quan theo dõi và cấp tài khoản cho cán bộ của cơ quan. Cán bộ cơ quan chỉ xem, không sửa kế hoạch của trường.',
    toSchools: 'Các trường',
    toBodies: 'Cơ quan quản lý',
    newBody: 'Tạo cơ quan mới',
    noBodies: 'Chưa có cơ quan quản lý nào.',
    kind: 'Loại cơ quan',
    name: 'Tên cơ quan',
    namePlaceholder: 'Ví dụ: Phòng Văn hóa - Xã hội xã Hoà Bình',
    createBody: 'Tạo cơ quan',
    schoolCount: (p: { n: number }) => `${p.n} trường`,
    memberCount: (p: { n: number }) => `${p.n} tài khoản`,
    chooseSchools: 'Chọn trường',
    addOverseer: 'Thêm tài khoản',
    // Schools of a body
    schoolsTitle: (p: { name: string }) => `Các trường do ${p.name} theo dõi`,
    filter: 'Lọc theo tên trường',
    filterPlaceholder: 'Gõ một phần tên, có dấu hoặc không',
    chosenCount: (p: { chosen: number; total: number }) =>
      `Đã chọn ${p.chosen} trên ${p.total} trường.`,
    shownCount: (p: { shown: number }) => `Đang hiện ${p.shown} trường khớp bộ lọc.`,
    chooseShown: 'Chọn mọi trường đang hiện',
    clearShown: 'Bỏ chọn mọi trường đang hiện',
    noSchoolMatches: 'Không có trường nào khớp bộ lọc.',
    noSchoolsYet: 'Chưa có trường nào: hãy tạo trường ở trang Các trường trước.',
    schoolPaused: 'Tạm dừng',
    saveSchools: 'Lưu danh sách trường',
    schoolsSaved: (p: { n: number }) => `Đã lưu: cơ quan theo dõi ${p.n} trường.`,
    // An overseer account
    overseerTitle: (p: { name: string }) => `Thêm tài khoản của ${p.name}`,
    overseerHint:
      'Người này xem được các trường do cơ quan theo dõi, không sửa được kế hoạch của trường. Mật khẩu dùng một lần hiện ngay sau khi thêm.',
    overseerName: 'Họ và tên',
    overseerLogin: 'Tên đăng nhập',
    overseerLoginHint: 'Chữ không dấu, số và . _ - @',
    lead: 'Lãnh đạo cơ quan: được cấp tài khoản cho cán bộ của cơ quan',
    add: 'Thêm',
    checkField: (p: { field: string }) => `Hãy kiểm tra lại ô “${p.field}”.`,
  },
  {
    menuBodies: 'Overseeing bodies',
    title: 'Bodies that oversee schools',
    hint: "Communes' Phòng Văn hóa - Xã hội and the province's Sở Giáo dục và Đào tạo: create a body, choose the schools it oversees and give its staff accounts. A body's staff read the schools' plans and change nothing.",
    toSchools: 'Schools',
    toBodies: 'Overseeing bodies',
    newBody: 'New body',
    noBodies: 'No overseeing body yet.',
    kind: 'Kind of body',
    name: 'Name of the body',
    namePlaceholder: 'E.g. Phòng Văn hóa - Xã hội xã Hoà Bình',
    createBody: 'Create the body',
    schoolCount: (p) => `${p.n} ${p.n === 1 ? 'school' : 'schools'}`,
    memberCount: (p) => `${p.n} ${p.n === 1 ? 'account' : 'accounts'}`,
    chooseSchools: 'Choose schools',
    addOverseer: 'Add an account',
    schoolsTitle: (p) => `Schools overseen by ${p.name}`,
    filter: 'Filter by school name',
    filterPlaceholder: 'Part of the name, with or without accents',
    chosenCount: (p) => `${p.chosen} of ${p.total} schools chosen.`,
    shownCount: (p) =>
      `${p.shown} ${p.shown === 1 ? 'school matches' : 'schools match'} the filter.`,
    chooseShown: 'Choose every school shown',
    clearShown: 'Unchoose every school shown',
    noSchoolMatches: 'No school matches the filter.',
    noSchoolsYet: 'No school yet: create schools on the Schools page first.',
    schoolPaused: 'Paused',
    saveSchools: 'Save the list of schools',
    schoolsSaved: (p) => `Saved: the body oversees ${p.n} ${p.n === 1 ? 'school' : 'schools'}.`,
    overseerTitle: (p) => `Add an account of ${p.name}`,
    overseerHint:
      "This person reads the schools the body oversees and changes nothing of a school's plan. The one-time password shows right after adding.",
    overseerName: 'Name',
    overseerLogin: 'Login',
    overseerLoginHint: 'Letters a-z, digits and . _ - @',
    lead: "The body's lead: may give accounts to the body's staff",
    add: 'Add',
    checkField: (p) => `Please check the "${p.field}" field.`,
  },
)
