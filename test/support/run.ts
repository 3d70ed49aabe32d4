import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export interface RunResult {
  /** The exit code, or null when the process was killed (by the timeout or a signal). */
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  /** Wall-clock milliseconds from spawn to exit. */
  ms: number
}

/**
 * Runs a command without blocking the event loop. Tests in this folder often serve HTTP
 * from the same process (startTestServer), and a synchronous child process would freeze
 * that server for as long as the command runs.
 */
export function run(
  command: string,
  args: readonly string[],
  options: {
    cwd?: string
    env?: NodeJS.ProcessEnv
    timeoutMs?: number
    input?: string
  } = {},
): Promise<RunResult> {
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => child.kill('SIGKILL'), options.timeoutMs)
    child.once('error', (err) => {
      clearTimeout(timer)
      reject(err)
    })
    child.once('close', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started })
    })
    // A command may exit before it reads its input (EPIPE): its exit code says what happened.
    child.stdin.on('error', () => undefined)
    child.stdin.end(options.input ?? '')
  })
}

/** Like `run`, but a non-zero exit is an error carrying the command's output. */
export async function runOk(
  command: string,
  args: readonly string[],
  options: Parameters<typeof run>[2] = {},
): Promise<RunResult> {
  const result = await run(command, args, options)
  if (result.code !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} exited ${result.code ?? result.signal}:\n${result.stderr}${result.stdout}`,
    )
  }
  return result
}

const serverDir = fileURLToPath(new URL('../../server', import.meta.url))

/** `pnpm cli …` as a user types it: the admin CLI in its own process, from server/. */
export function runCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
  timeoutMs = 120_000,
): Promise<RunResult> {
  return run(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: serverDir,
    env: { ...process.env, ...env },
    timeoutMs,
  })
}

/**
 * Converts an Office document to PDF with LibreOffice (headless), into `outDir`. A private
 * profile folder lets conversions run side by side.
 */
export async function officeToPdf(file: string, outDir: string): Promise<string> {
  await runOk('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', outDir, file], {
    env: { ...process.env, HOME: outDir },
    timeoutMs: 180_000,
  })
  return file.replace(/\.[^./]+$/, '.pdf').replace(/^.*\//, `${outDir}/`)
}

/** The text of a PDF (poppler's pdftotext), with runs of whitespace made single spaces. */
export async function pdfText(pdf: string): Promise<string> {
  const { stdout } = await runOk('pdftotext', [pdf, '-'])
  return stdout.replace(/\s+/g, ' ')
}

/** Page `page` of a PDF as a PNG at `dpi`, written to `outBase`-N.png for a person to look at. */
export async function pdfPagePng(pdf: string, outBase: string, page = 1, dpi = 60) {
  await runOk('pdftoppm', [
    '-png',
    '-r',
    String(dpi),
    '-f',
    String(page),
    '-l',
    String(page),
    pdf,
    outBase,
  ])
}

/** The lines of a PDF as laid out on the page (pdftotext -layout), for "on one line" checks. */
export async function pdfLines(pdf: string): Promise<string[]> {
  const { stdout } = await runOk('pdftotext', ['-layout', pdf, '-'])
  return stdout.split('\n').map((l) => l.replace(/\s+/g, ' ').trim())
}

/** What poppler's pdfinfo says of a PDF (page size, pages). */
export async function pdfInfo(pdf: string): Promise<string> {
  return (await runOk('pdfinfo', [pdf])).stdout
}

/**
 * The text of a PDF in the order it was written (pdftotext -raw): a table cell's lines stay
 * together even when its neighbours wrap too. Whitespace runs become single spaces.
 */
export async function pdfRawText(pdf: string): Promise<string> {
  const { stdout } = await runOk('pdftotext', ['-raw', pdf, '-'])
  return stdout.replace(/\s+/g, ' ')
}
