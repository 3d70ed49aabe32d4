import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // Failed password checks per key (a login from an address, a device, a login, an
  // address): shared by every server process and kept across restarts.
  await db.schema
    .createTable('login_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('blocked_until', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('login_throttle_expires_idx')
    .on('login_throttle')
    .column('expires_at')
    .execute()
  // Browsers a user has logged in from (the device cookie): exempt from the limits that
  // others' guessing sets on that user's login.
  await db.schema
    .createTable('login_device')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('login_device_expires_idx')
    .on('login_device')
    .column('expires_at')
    .execute()
  await db.schema
    .createIndex('login_device_user_idx')
    .on('login_device')
    .column('user_id')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('login_device').execute()
  await db.schema.dropTable('login_throttle').execute()
}
