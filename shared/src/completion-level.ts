import { defineMessages } from './messages.ts'

/**
 * "Mức độ thực hiện" of a plan row under TT57 (Biểu 2, column (10)), filled at a checkpoint
 * review: Hoàn thành / Đang thực hiện / Chưa hoàn thành.
 */
export const COMPLETION_LEVELS = ['done', 'inProgress', 'notDone'] as const
export type CompletionLevel = (typeof COMPLETION_LEVELS)[number]

export function isCompletionLevel(value: unknown): value is CompletionLevel {
  return (COMPLETION_LEVELS as readonly unknown[]).includes(value)
}

/** How the form words each level; the importer reads them back with `readCompletionLevel`. */
export const completionLevelLabels = defineMessages<Record<CompletionLevel, string>>(
  { done: 'Hoàn thành', inProgress: 'Đang thực hiện', notDone: 'Chưa hoàn thành' },
  { done: 'Completed', inProgress: 'In progress', notDone: 'Not completed' },
)
