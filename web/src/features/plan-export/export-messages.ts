import { defineMessages } from '@caitien/shared'

export const exportMessages = defineMessages(
  {
    exportPlan: 'Xuất',
    exportXlsx: 'Excel (.xlsx)',
    exportCsv: 'CSV',
    bieu2: 'Biểu 2 (.docx)',
    evidenceListDocx: 'Danh mục minh chứng (.docx)',
    evidenceListXlsx: 'Danh mục minh chứng (.xlsx)',
  },
  {
    exportPlan: 'Export',
    exportXlsx: 'Excel (.xlsx)',
    exportCsv: 'CSV',
    bieu2: 'Form Biểu 2 (.docx)',
    evidenceListDocx: 'Evidence list (.docx)',
    evidenceListXlsx: 'Evidence list (.xlsx)',
  },
)
