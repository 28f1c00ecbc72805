import { graphql } from '../gql';

/** Templates as data: what the Templates page and the create form send. */

export const TemplatePartsFragment = graphql(`
  fragment TemplateParts on ChecklistTemplate {
    name
    version
    description
    archived
    createdAt
    createdBy {
      id
      name
    }
    items {
      stage
      team
      title
      description
      required
    }
    policy {
      approvals {
        team
        stage
        approvals
      }
      goValidDays
      distinctApprovers
      coordinatorMayApprove
      supportLeadDays
      minSupportLeadDays
      blockResponseHours
    }
  }
`);

export const TemplatesQuery = graphql(`
  query Templates {
    templates {
      ...TemplateParts
    }
  }
`);

export const TemplateQuery = graphql(`
  query Template($name: String!, $version: Int) {
    template(name: $name, version: $version) {
      ...TemplateParts
    }
  }
`);

export const CreateTemplateMutation = graphql(`
  mutation CreateTemplate($input: TemplateInput!) {
    createTemplate(input: $input) {
      name
      version
    }
  }
`);

export const PublishTemplateVersionMutation = graphql(`
  mutation PublishTemplateVersion($input: TemplateInput!) {
    publishTemplateVersion(input: $input) {
      name
      version
    }
  }
`);
