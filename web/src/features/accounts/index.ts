// The account pages, composed by the app (web/src/app): the router mounts them at their
// addresses (/people, /account, /admin/schools); the forced password change comes first.
export { PeoplePage } from './components/people-page'
export { ProfilePage } from './components/profile-page'
export { AdminSchoolsPage } from './components/admin-schools-page'
export { PasswordChangeScreen } from './components/password-change-screen'
export { AccountLinks } from './components/account-links'
