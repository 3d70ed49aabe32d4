/** The session cookie, and how long a session lasts without a request (sliding). */
export const SESSION_COOKIE = 'caitien_session'
export const SESSION_DAYS = 30

/** A browser that logged in before (docs/decisions/014), and how long it is remembered. */
export const DEVICE_COOKIE = 'caitien_device'
export const DEVICE_DAYS = 180
