import { createDb, createPgClient, migrateToLatest } from '@caitien/db'
import type { TestProject } from 'vitest/node'
import { PG_TEMPLATE } from './database.ts'
import { startPgCluster } from './pg-cluster.ts'

/**
 * The `integration-pg` project's setup: one PostgreSQL cluster for the whole run, and a
 * migrated template database each test database is copied from (CREATE DATABASE … TEMPLATE
 * copies files: far faster than migrating each one). Stopped and removed when the run ends.
 */
export default async function setup(project: TestProject) {
  const cluster = await startPgCluster()
  const admin = createPgClient(cluster.baseUrl + 'postgres')
  await admin.connect()
  await admin.query(`create database ${PG_TEMPLATE}`)
  await admin.end()
  const db = createDb({ url: cluster.baseUrl + PG_TEMPLATE })
  await migrateToLatest(db)
  await db.destroy()
  project.provide('pgBaseUrl', cluster.baseUrl)
  return async () => {
    await cluster.stop()
  }
}
