import type { ChecklistTemplate } from './template.types.js';

/** A short list for low-risk launches: one required item per gate is enough. */
export const LITE_TEMPLATE: ChecklistTemplate = {
  name: 'lite',
  description: 'Short checklist for low-risk launches.',
  everyTeamEveryStage: false,
  items: [
    {
      key: 'planning.product.scope',
      stage: 'PLANNING',
      team: 'PRODUCT',
      title: 'Scope and success metric written',
      required: true,
    },
    {
      key: 'alpha.engineering.rollback-plan',
      stage: 'ALPHA',
      team: 'ENGINEERING',
      title: 'Rollback plan',
      required: true,
    },
    {
      key: 'beta.engineering.known-issues',
      stage: 'BETA',
      team: 'ENGINEERING',
      title: 'Known issues listed',
      required: true,
    },
    {
      key: 'docs.support.help-centre',
      stage: 'DOCS_READY',
      team: 'SUPPORT',
      title: 'Help-centre article updated',
      required: true,
    },
    {
      key: 'docs.product.release-note',
      stage: 'DOCS_READY',
      team: 'PRODUCT',
      title: 'Release note',
      required: false,
    },
    {
      key: 'trained.support.briefed',
      stage: 'SUPPORT_TRAINED',
      team: 'SUPPORT',
      title: 'Support briefed',
      required: true,
    },
  ],
};
