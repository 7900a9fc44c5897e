/** Cloud API limits on what we send (see shared/reference/whatsapp-cloud-api.md §5). */
export const WHATSAPP_LIMITS = {
  textBody: 4096,
  /** Answers are split below the text limit so the `(Suite i/n)` heading always fits. */
  answerPart: 4000,
  buttons: 3,
  buttonTitle: 20,
  buttonId: 256,
  interactiveBody: 1024,
  header: 60,
  footer: 60,
  listButton: 20,
  listSections: 10,
  listRows: 10,
  rowTitle: 24,
  rowId: 200,
  rowDescription: 72,
  sectionTitle: 24,
} as const;
