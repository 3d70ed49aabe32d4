import { defineMessages } from '@caitien/shared'

export const exportMessages = defineMessages(
  { exportPlan: 'Xuất', exportXlsx: 'Excel (.xlsx)', exportCsv: 'CSV' },
  { exportPlan: 'Export', exportXlsx: 'Excel (.xlsx)', exportCsv: 'CSV' },
)
