/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment FreezeWindowParts on FreezeWindow {\n    id\n    name\n    reason\n    startsAt\n    endsAt\n    stages\n    createdAt\n    createdBy {\n      id\n      name\n    }\n    endedAt\n    endedBy {\n      id\n      name\n    }\n  }\n": typeof types.FreezeWindowPartsFragmentDoc,
    "\n  query FreezeWindows {\n    freezeWindows {\n      ...FreezeWindowParts\n    }\n    viewerCan {\n      manageFreezeWindows\n    }\n  }\n": typeof types.FreezeWindowsDocument,
    "\n  mutation CreateFreezeWindow($input: FreezeWindowInput!) {\n    createFreezeWindow(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateFreezeWindowDocument,
    "\n  mutation EndFreezeWindow($id: ID!) {\n    endFreezeWindow(id: $id) {\n      id\n      endedAt\n    }\n  }\n": typeof types.EndFreezeWindowDocument,
    "\n  fragment RequirementParts on Requirement {\n    kind\n    team\n    message\n    itemId\n  }\n": typeof types.RequirementPartsFragmentDoc,
    "\n  query LaunchPlan($key: String!, $gaBy: DateTime!) {\n    launch(key: $key) {\n      id\n      plan(gaBy: $gaBy) {\n        gaBy\n        feasible\n        earliestGaAt\n        earlyAccessBy\n        obstacles {\n          ...RequirementParts\n        }\n        reconfirm {\n          ...RequirementParts\n        }\n        stages {\n          stage\n          requiredItems\n          doneItems\n          teams {\n            team\n            requiredItems\n            doneItems\n            approvalsNeeded\n            approvals\n          }\n        }\n      }\n    }\n  }\n": typeof types.LaunchPlanDocument,
    "\n  query ReadinessAsOf($key: String!, $asOf: DateTime!) {\n    launch(key: $key) {\n      id\n      readiness(asOf: $asOf) {\n        stage\n        nextStage\n        canAdvance\n        blocked\n        score\n        missing {\n          ...RequirementParts\n        }\n        stages {\n          stage\n          teams {\n            ...TeamGateParts\n          }\n        }\n      }\n    }\n  }\n": typeof types.ReadinessAsOfDocument,
    "\n  query Users {\n    users {\n      id\n      name\n      email\n      role\n      teams\n      active\n      managedBy\n    }\n  }\n": typeof types.UsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      id\n      role\n      teams\n    }\n  }\n": typeof types.UpdateUserDocument,
    "\n  mutation DeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      id\n      active\n    }\n  }\n": typeof types.DeactivateUserDocument,
    "\n  mutation ReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      id\n      active\n    }\n  }\n": typeof types.ReactivateUserDocument,
    "\n  query ApiTokens($userId: ID!) {\n    apiTokens(userId: $userId) {\n      id\n      name\n      createdAt\n      lastUsedAt\n      revokedAt\n      scopes\n      teams\n      launchIds\n      expiresAt\n    }\n  }\n": typeof types.ApiTokensDocument,
    "\n  mutation CreateApiToken(\n    $userId: ID!\n    $name: String!\n    $scopes: [TokenScope!]\n    $teams: [Team!]\n    $launchIds: [ID!]\n    $expiresAt: DateTime\n  ) {\n    createApiToken(\n      userId: $userId\n      name: $name\n      scopes: $scopes\n      teams: $teams\n      launchIds: $launchIds\n      expiresAt: $expiresAt\n    ) {\n      id\n      token\n    }\n  }\n": typeof types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id)\n  }\n": typeof types.RevokeApiTokenDocument,
    "\n  fragment WithdrawnGo on SignOff {\n    id\n    team\n    status\n    signedBy {\n      id\n      name\n    }\n  }\n": typeof types.WithdrawnGoFragmentDoc,
    "\n  fragment LaunchEditParts on Launch {\n    id\n    key\n    version\n    stage\n    name\n    description\n    targetGaDate\n    supportLeadDays\n    blockResponseHours\n    viewerCan {\n      update\n      addItem\n      addItemStages\n    }\n  }\n": typeof types.LaunchEditPartsFragmentDoc,
    "\n  mutation UpdateLaunch($id: ID!, $input: UpdateLaunchInput!) {\n    updateLaunch(id: $id, input: $input) {\n      id\n      version\n    }\n  }\n": typeof types.UpdateLaunchDocument,
    "\n  mutation AddItem($input: AddItemInput!) {\n    addChecklistItem(input: $input) {\n      id\n    }\n  }\n": typeof types.AddItemDocument,
    "\n  query AddItemWithdraws($key: String!, $stage: Stage!, $required: Boolean!) {\n    launch(key: $key) {\n      id\n      addItemWithdraws(stage: $stage, required: $required) {\n        ...WithdrawnGo\n      }\n    }\n  }\n": typeof types.AddItemWithdrawsDocument,
    "\n  query Me {\n    me {\n      id\n      name\n      email\n      role\n      teams\n    }\n  }\n": typeof types.MeDocument,
    "\n  query Board($filter: LaunchFilter, $first: Int, $after: String) {\n    launches(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          key\n          name\n          stage\n          blocked\n          atRisk\n          targetGaDate\n          updatedAt\n          coordinator {\n            id\n            name\n          }\n          earlyAccess {\n            grantedAt\n          }\n          signOffs {\n            stage\n            team\n            decision\n            comment\n            signedAt\n          }\n          readiness {\n            score\n            canAdvance\n            nextStage\n            missing {\n              kind\n              team\n              message\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.BoardDocument,
    "\n  fragment TeamGateParts on TeamGate {\n    team\n    requiredItems\n    doneItems\n    signOff {\n      id\n      decision\n      comment\n      signedAt\n      signedBy {\n        id\n        name\n      }\n    }\n    approvalsNeeded\n    approvals\n    signOffs {\n      id\n      decision\n      status\n      signedAt\n      expiresAt\n      signedBy {\n        id\n        name\n      }\n    }\n  }\n": typeof types.TeamGatePartsFragmentDoc,
    "\n  query LaunchPage($key: String!) {\n    launch(key: $key) {\n      ...LaunchEditParts\n      id\n      key\n      name\n      description\n      stage\n      blocked\n      version\n      targetGaDate\n      supportLeadDays\n      blockResponseHours\n      createdAt\n      updatedAt\n      checklistTemplate {\n        name\n        version\n      }\n      coordinator {\n        id\n        name\n      }\n      viewerCan {\n        advance\n        overrideFreeze\n        cancel\n        comment\n        grantEarlyAccess\n        grantEarlyAccessRefusal\n        signOffs {\n          team\n          go\n          goRefusal\n          commentRequiredForGo\n          commentRequiredForNoGo\n        }\n        items {\n          itemId\n          complete\n          waive\n          reopen\n        }\n      }\n      earlyAccess {\n        grantedAt\n        grantedBy {\n          id\n          name\n        }\n        url\n        notes\n        leadDaysElapsed\n        leadTimeMet\n        leadTimeMetAt\n      }\n      checklist {\n        id\n        stage\n        team\n        title\n        description\n        required\n        status\n        evidenceUrl\n        note\n        completedBy {\n          id\n          name\n        }\n        completedAt\n        reopenWithdraws {\n          ...WithdrawnGo\n        }\n      }\n      readiness {\n        stage\n        nextStage\n        canAdvance\n        blocked\n        score\n        missing {\n          kind\n          team\n          message\n          itemId\n        }\n        stages {\n          stage\n          requiredItems\n          doneItems\n          teams {\n            ...TeamGateParts\n          }\n        }\n      }\n    }\n  }\n": typeof types.LaunchPageDocument,
    "\n  query LaunchEvents($key: String!, $first: Int, $after: String) {\n    launch(key: $key) {\n      id\n      events(first: $first, after: $after) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            sequence\n            type\n            stage\n            team\n            at\n            data\n            summary\n            actor {\n              id\n              name\n              role\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.LaunchEventsDocument,
    "\n  query GoNoGo($key: String!) {\n    launch(key: $key) {\n      id\n      key\n      name\n      stage\n      blocked\n      version\n      targetGaDate\n      supportLeadDays\n      viewerCan {\n        advance\n        overrideFreeze\n      }\n      earlyAccess {\n        grantedAt\n        leadDaysElapsed\n        leadTimeMet\n        leadTimeMetAt\n      }\n      readiness {\n        stage\n        nextStage\n        canAdvance\n        blocked\n        missing {\n          kind\n          team\n          message\n          itemId\n          item {\n            id\n            title\n          }\n        }\n        stages {\n          stage\n          teams {\n            ...TeamGateParts\n          }\n        }\n      }\n    }\n  }\n": typeof types.GoNoGoDocument,
    "\n  query LaunchInputLimits {\n    launchInputLimits {\n      nameMaxLength\n      titleMaxLength\n      descriptionMaxLength\n      supportLeadDays {\n        min\n        max\n        wholeNumbers\n        defaultValue\n      }\n      blockResponseHours {\n        min\n        max\n        wholeNumbers\n        defaultValue\n      }\n    }\n  }\n": typeof types.LaunchInputLimitsDocument,
    "\n  mutation CreateLaunch($input: CreateLaunchInput!) {\n    createLaunch(input: $input) {\n      id\n      key\n    }\n  }\n": typeof types.CreateLaunchDocument,
    "\n  mutation CompleteItem($input: CompleteItemInput!) {\n    completeChecklistItem(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.CompleteItemDocument,
    "\n  mutation ReopenItem($input: ReasonedItemInput!) {\n    reopenChecklistItem(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.ReopenItemDocument,
    "\n  mutation WaiveItem($input: ReasonedItemInput!) {\n    waiveChecklistItem(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.WaiveItemDocument,
    "\n  mutation SignOff($input: SignOffInput!) {\n    signOff(input: $input) {\n      id\n      decision\n      status\n    }\n  }\n": typeof types.SignOffDocument,
    "\n  mutation Advance($input: AdvanceInput!) {\n    advanceLaunch(input: $input) {\n      id\n      stage\n      version\n    }\n  }\n": typeof types.AdvanceDocument,
    "\n  mutation Cancel($input: CancelInput!) {\n    cancelLaunch(input: $input) {\n      id\n      stage\n      version\n    }\n  }\n": typeof types.CancelDocument,
    "\n  mutation GrantEarlyAccess($input: EarlyAccessInput!) {\n    grantEarlyAccess(input: $input) {\n      id\n      version\n    }\n  }\n": typeof types.GrantEarlyAccessDocument,
    "\n  subscription LiveEvents {\n    launchEvents {\n      id\n      launchId\n      sequence\n      type\n      team\n      at\n      summary\n      actor {\n        id\n        name\n      }\n    }\n  }\n": typeof types.LiveEventsDocument,
    "\n  query Header {\n    viewerCan {\n      createLaunch\n      manageUsers\n      manageWebhooks\n      manageTemplates\n    }\n    myWork {\n      kind\n    }\n  }\n": typeof types.HeaderDocument,
    "\n  query MyWork {\n    myWork {\n      kind\n      stage\n      team\n      message\n      waitingSince\n      item {\n        id\n      }\n      launch {\n        id\n        key\n        name\n        stage\n        blocked\n        targetGaDate\n      }\n    }\n  }\n": typeof types.MyWorkDocument,
    "\n  mutation AddComment($input: CommentInput!) {\n    addComment(input: $input) {\n      id\n      sequence\n    }\n  }\n": typeof types.AddCommentDocument,
    "\n  query ViewerCan {\n    viewerCan {\n      createLaunch\n      manageTemplates\n    }\n  }\n": typeof types.ViewerCanDocument,
    "\n  query OutcomeReportPage($windowDays: Int) {\n    outcomeReport(windowDays: $windowDays) {\n      windowDays\n      cohorts {\n        name\n        launches\n        medianTicketsAfter\n        meanTicketsAfter\n      }\n    }\n    baselineLaunches {\n      key\n      name\n      gaAt\n    }\n  }\n": typeof types.OutcomeReportPageDocument,
    "\n  query LaunchOutcome($key: String!, $windowDays: Int) {\n    launch(key: $key) {\n      id\n      earlyAccess {\n        grantedAt\n      }\n      outcome(windowDays: $windowDays) {\n        windowDays\n        gaAt\n        complete\n        ticketsBefore\n        ticketsAfter\n        allTicketsBefore\n        allTicketsAfter\n        daily {\n          day\n          count\n        }\n      }\n    }\n  }\n": typeof types.LaunchOutcomeDocument,
    "\n  query BoardOutcomes {\n    launches(filter: { stage: GA }, first: 100) {\n      edges {\n        node {\n          key\n          template\n          outcome {\n            complete\n            ticketsAfter\n          }\n        }\n      }\n    }\n    outcomeReport {\n      cohorts {\n        name\n        medianTicketsAfter\n      }\n    }\n  }\n": typeof types.BoardOutcomesDocument,
    "\n  fragment TemplateParts on ChecklistTemplate {\n    name\n    version\n    description\n    archived\n    createdAt\n    createdBy {\n      id\n      name\n    }\n    items {\n      stage\n      team\n      title\n      description\n      required\n    }\n    policy {\n      approvals {\n        team\n        stage\n        approvals\n      }\n      goValidDays\n      distinctApprovers\n      coordinatorMayApprove\n      supportLeadDays\n      minSupportLeadDays\n      blockResponseHours\n    }\n  }\n": typeof types.TemplatePartsFragmentDoc,
    "\n  query Templates {\n    templates {\n      ...TemplateParts\n    }\n  }\n": typeof types.TemplatesDocument,
    "\n  query Template($name: String!, $version: Int) {\n    template(name: $name, version: $version) {\n      ...TemplateParts\n    }\n  }\n": typeof types.TemplateDocument,
    "\n  mutation CreateTemplate($input: TemplateInput!) {\n    createTemplate(input: $input) {\n      name\n      version\n    }\n  }\n": typeof types.CreateTemplateDocument,
    "\n  mutation PublishTemplateVersion($input: TemplateInput!) {\n    publishTemplateVersion(input: $input) {\n      name\n      version\n    }\n  }\n": typeof types.PublishTemplateVersionDocument,
    "\n  query Webhooks {\n    webhooks {\n      id\n      url\n      format\n      eventTypes\n      enabled\n      disabledReason\n      consecutiveFailures\n      createdAt\n    }\n  }\n": typeof types.WebhooksDocument,
    "\n  query WebhookDeliveries($webhookId: ID!) {\n    webhookDeliveries(webhookId: $webhookId, first: 20) {\n      edges {\n        node {\n          id\n          eventId\n          at\n          attempt\n          status\n          responseCode\n          durationMs\n          error\n        }\n      }\n    }\n  }\n": typeof types.WebhookDeliveriesDocument,
    "\n  mutation CreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      secret\n      webhook {\n        id\n      }\n    }\n  }\n": typeof types.CreateWebhookDocument,
    "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n    }\n  }\n": typeof types.RotateWebhookSecretDocument,
    "\n  mutation EnableWebhook($id: ID!) {\n    enableWebhook(id: $id) {\n      id\n      enabled\n    }\n  }\n": typeof types.EnableWebhookDocument,
};
const documents: Documents = {
    "\n  fragment FreezeWindowParts on FreezeWindow {\n    id\n    name\n    reason\n    startsAt\n    endsAt\n    stages\n    createdAt\n    createdBy {\n      id\n      name\n    }\n    endedAt\n    endedBy {\n      id\n      name\n    }\n  }\n": types.FreezeWindowPartsFragmentDoc,
    "\n  query FreezeWindows {\n    freezeWindows {\n      ...FreezeWindowParts\n    }\n    viewerCan {\n      manageFreezeWindows\n    }\n  }\n": types.FreezeWindowsDocument,
    "\n  mutation CreateFreezeWindow($input: FreezeWindowInput!) {\n    createFreezeWindow(input: $input) {\n      id\n    }\n  }\n": types.CreateFreezeWindowDocument,
    "\n  mutation EndFreezeWindow($id: ID!) {\n    endFreezeWindow(id: $id) {\n      id\n      endedAt\n    }\n  }\n": types.EndFreezeWindowDocument,
    "\n  fragment RequirementParts on Requirement {\n    kind\n    team\n    message\n    itemId\n  }\n": types.RequirementPartsFragmentDoc,
    "\n  query LaunchPlan($key: String!, $gaBy: DateTime!) {\n    launch(key: $key) {\n      id\n      plan(gaBy: $gaBy) {\n        gaBy\n        feasible\n        earliestGaAt\n        earlyAccessBy\n        obstacles {\n          ...RequirementParts\n        }\n        reconfirm {\n          ...RequirementParts\n        }\n        stages {\n          stage\n          requiredItems\n          doneItems\n          teams {\n            team\n            requiredItems\n            doneItems\n            approvalsNeeded\n            approvals\n          }\n        }\n      }\n    }\n  }\n": types.LaunchPlanDocument,
    "\n  query ReadinessAsOf($key: String!, $asOf: DateTime!) {\n    launch(key: $key) {\n      id\n      readiness(asOf: $asOf) {\n        stage\n        nextStage\n        canAdvance\n        blocked\n        score\n        missing {\n          ...RequirementParts\n        }\n        stages {\n          stage\n          teams {\n            ...TeamGateParts\n          }\n        }\n      }\n    }\n  }\n": types.ReadinessAsOfDocument,
    "\n  query Users {\n    users {\n      id\n      name\n      email\n      role\n      teams\n      active\n      managedBy\n    }\n  }\n": types.UsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      id\n      role\n      teams\n    }\n  }\n": types.UpdateUserDocument,
    "\n  mutation DeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      id\n      active\n    }\n  }\n": types.DeactivateUserDocument,
    "\n  mutation ReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      id\n      active\n    }\n  }\n": types.ReactivateUserDocument,
    "\n  query ApiTokens($userId: ID!) {\n    apiTokens(userId: $userId) {\n      id\n      name\n      createdAt\n      lastUsedAt\n      revokedAt\n      scopes\n      teams\n      launchIds\n      expiresAt\n    }\n  }\n": types.ApiTokensDocument,
    "\n  mutation CreateApiToken(\n    $userId: ID!\n    $name: String!\n    $scopes: [TokenScope!]\n    $teams: [Team!]\n    $launchIds: [ID!]\n    $expiresAt: DateTime\n  ) {\n    createApiToken(\n      userId: $userId\n      name: $name\n      scopes: $scopes\n      teams: $teams\n      launchIds: $launchIds\n      expiresAt: $expiresAt\n    ) {\n      id\n      token\n    }\n  }\n": types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id)\n  }\n": types.RevokeApiTokenDocument,
    "\n  fragment WithdrawnGo on SignOff {\n    id\n    team\n    status\n    signedBy {\n      id\n      name\n    }\n  }\n": types.WithdrawnGoFragmentDoc,
    "\n  fragment LaunchEditParts on Launch {\n    id\n    key\n    version\n    stage\n    name\n    description\n    targetGaDate\n    supportLeadDays\n    blockResponseHours\n    viewerCan {\n      update\n      addItem\n      addItemStages\n    }\n  }\n": types.LaunchEditPartsFragmentDoc,
    "\n  mutation UpdateLaunch($id: ID!, $input: UpdateLaunchInput!) {\n    updateLaunch(id: $id, input: $input) {\n      id\n      version\n    }\n  }\n": types.UpdateLaunchDocument,
    "\n  mutation AddItem($input: AddItemInput!) {\n    addChecklistItem(input: $input) {\n      id\n    }\n  }\n": types.AddItemDocument,
    "\n  query AddItemWithdraws($key: String!, $stage: Stage!, $required: Boolean!) {\n    launch(key: $key) {\n      id\n      addItemWithdraws(stage: $stage, required: $required) {\n        ...WithdrawnGo\n      }\n    }\n  }\n": types.AddItemWithdrawsDocument,
    "\n  query Me {\n    me {\n      id\n      name\n      email\n      role\n      teams\n    }\n  }\n": types.MeDocument,
    "\n  query Board($filter: LaunchFilter, $first: Int, $after: String) {\n    launches(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          key\n          name\n          stage\n          blocked\n          atRisk\n          targetGaDate\n          updatedAt\n          coordinator {\n            id\n            name\n          }\n          earlyAccess {\n            grantedAt\n          }\n          signOffs {\n            stage\n            team\n            decision\n            comment\n            signedAt\n          }\n          readiness {\n            score\n            canAdvance\n            nextStage\n            missing {\n              kind\n              team\n              message\n            }\n          }\n        }\n      }\n    }\n  }\n": types.BoardDocument,
    "\n  fragment TeamGateParts on TeamGate {\n    team\n    requiredItems\n    doneItems\n    signOff {\n      id\n      decision\n      comment\n      signedAt\n      signedBy {\n        id\n        name\n      }\n    }\n    approvalsNeeded\n    approvals\n    signOffs {\n      id\n      decision\n      status\n      signedAt\n      expiresAt\n      signedBy {\n        id\n        name\n      }\n    }\n  }\n": types.TeamGatePartsFragmentDoc,
    "\n  query LaunchPage($key: String!) {\n    launch(key: $key) {\n      ...LaunchEditParts\n      id\n      key\n      name\n      description\n      stage\n      blocked\n      version\n      targetGaDate\n      supportLeadDays\n      blockResponseHours\n      createdAt\n      updatedAt\n      checklistTemplate {\n        name\n        version\n      }\n      coordinator {\n        id\n        name\n      }\n      viewerCan {\n        advance\n        overrideFreeze\n        cancel\n        comment\n        grantEarlyAccess\n        grantEarlyAccessRefusal\n        signOffs {\n          team\n          go\n          goRefusal\n          commentRequiredForGo\n          commentRequiredForNoGo\n        }\n        items {\n          itemId\n          complete\n          waive\n          reopen\n        }\n      }\n      earlyAccess {\n        grantedAt\n        grantedBy {\n          id\n          name\n        }\n        url\n        notes\n        leadDaysElapsed\n        leadTimeMet\n        leadTimeMetAt\n      }\n      checklist {\n        id\n        stage\n        team\n        title\n        description\n        required\n        status\n        evidenceUrl\n        note\n        completedBy {\n          id\n          name\n        }\n        completedAt\n        reopenWithdraws {\n          ...WithdrawnGo\n        }\n      }\n      readiness {\n        stage\n        nextStage\n        canAdvance\n        blocked\n        score\n        missing {\n          kind\n          team\n          message\n          itemId\n        }\n        stages {\n          stage\n          requiredItems\n          doneItems\n          teams {\n            ...TeamGateParts\n          }\n        }\n      }\n    }\n  }\n": types.LaunchPageDocument,
    "\n  query LaunchEvents($key: String!, $first: Int, $after: String) {\n    launch(key: $key) {\n      id\n      events(first: $first, after: $after) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            sequence\n            type\n            stage\n            team\n            at\n            data\n            summary\n            actor {\n              id\n              name\n              role\n            }\n          }\n        }\n      }\n    }\n  }\n": types.LaunchEventsDocument,
    "\n  query GoNoGo($key: String!) {\n    launch(key: $key) {\n      id\n      key\n      name\n      stage\n      blocked\n      version\n      targetGaDate\n      supportLeadDays\n      viewerCan {\n        advance\n        overrideFreeze\n      }\n      earlyAccess {\n        grantedAt\n        leadDaysElapsed\n        leadTimeMet\n        leadTimeMetAt\n      }\n      readiness {\n        stage\n        nextStage\n        canAdvance\n        blocked\n        missing {\n          kind\n          team\n          message\n          itemId\n          item {\n            id\n            title\n          }\n        }\n        stages {\n          stage\n          teams {\n            ...TeamGateParts\n          }\n        }\n      }\n    }\n  }\n": types.GoNoGoDocument,
    "\n  query LaunchInputLimits {\n    launchInputLimits {\n      nameMaxLength\n      titleMaxLength\n      descriptionMaxLength\n      supportLeadDays {\n        min\n        max\n        wholeNumbers\n        defaultValue\n      }\n      blockResponseHours {\n        min\n        max\n        wholeNumbers\n        defaultValue\n      }\n    }\n  }\n": types.LaunchInputLimitsDocument,
    "\n  mutation CreateLaunch($input: CreateLaunchInput!) {\n    createLaunch(input: $input) {\n      id\n      key\n    }\n  }\n": types.CreateLaunchDocument,
    "\n  mutation CompleteItem($input: CompleteItemInput!) {\n    completeChecklistItem(input: $input) {\n      id\n      status\n    }\n  }\n": types.CompleteItemDocument,
    "\n  mutation ReopenItem($input: ReasonedItemInput!) {\n    reopenChecklistItem(input: $input) {\n      id\n      status\n    }\n  }\n": types.ReopenItemDocument,
    "\n  mutation WaiveItem($input: ReasonedItemInput!) {\n    waiveChecklistItem(input: $input) {\n      id\n      status\n    }\n  }\n": types.WaiveItemDocument,
    "\n  mutation SignOff($input: SignOffInput!) {\n    signOff(input: $input) {\n      id\n      decision\n      status\n    }\n  }\n": types.SignOffDocument,
    "\n  mutation Advance($input: AdvanceInput!) {\n    advanceLaunch(input: $input) {\n      id\n      stage\n      version\n    }\n  }\n": types.AdvanceDocument,
    "\n  mutation Cancel($input: CancelInput!) {\n    cancelLaunch(input: $input) {\n      id\n      stage\n      version\n    }\n  }\n": types.CancelDocument,
    "\n  mutation GrantEarlyAccess($input: EarlyAccessInput!) {\n    grantEarlyAccess(input: $input) {\n      id\n      version\n    }\n  }\n": types.GrantEarlyAccessDocument,
    "\n  subscription LiveEvents {\n    launchEvents {\n      id\n      launchId\n      sequence\n      type\n      team\n      at\n      summary\n      actor {\n        id\n        name\n      }\n    }\n  }\n": types.LiveEventsDocument,
    "\n  query Header {\n    viewerCan {\n      createLaunch\n      manageUsers\n      manageWebhooks\n      manageTemplates\n    }\n    myWork {\n      kind\n    }\n  }\n": types.HeaderDocument,
    "\n  query MyWork {\n    myWork {\n      kind\n      stage\n      team\n      message\n      waitingSince\n      item {\n        id\n      }\n      launch {\n        id\n        key\n        name\n        stage\n        blocked\n        targetGaDate\n      }\n    }\n  }\n": types.MyWorkDocument,
    "\n  mutation AddComment($input: CommentInput!) {\n    addComment(input: $input) {\n      id\n      sequence\n    }\n  }\n": types.AddCommentDocument,
    "\n  query ViewerCan {\n    viewerCan {\n      createLaunch\n      manageTemplates\n    }\n  }\n": types.ViewerCanDocument,
    "\n  query OutcomeReportPage($windowDays: Int) {\n    outcomeReport(windowDays: $windowDays) {\n      windowDays\n      cohorts {\n        name\n        launches\n        medianTicketsAfter\n        meanTicketsAfter\n      }\n    }\n    baselineLaunches {\n      key\n      name\n      gaAt\n    }\n  }\n": types.OutcomeReportPageDocument,
    "\n  query LaunchOutcome($key: String!, $windowDays: Int) {\n    launch(key: $key) {\n      id\n      earlyAccess {\n        grantedAt\n      }\n      outcome(windowDays: $windowDays) {\n        windowDays\n        gaAt\n        complete\n        ticketsBefore\n        ticketsAfter\n        allTicketsBefore\n        allTicketsAfter\n        daily {\n          day\n          count\n        }\n      }\n    }\n  }\n": types.LaunchOutcomeDocument,
    "\n  query BoardOutcomes {\n    launches(filter: { stage: GA }, first: 100) {\n      edges {\n        node {\n          key\n          template\n          outcome {\n            complete\n            ticketsAfter\n          }\n        }\n      }\n    }\n    outcomeReport {\n      cohorts {\n        name\n        medianTicketsAfter\n      }\n    }\n  }\n": types.BoardOutcomesDocument,
    "\n  fragment TemplateParts on ChecklistTemplate {\n    name\n    version\n    description\n    archived\n    createdAt\n    createdBy {\n      id\n      name\n    }\n    items {\n      stage\n      team\n      title\n      description\n      required\n    }\n    policy {\n      approvals {\n        team\n        stage\n        approvals\n      }\n      goValidDays\n      distinctApprovers\n      coordinatorMayApprove\n      supportLeadDays\n      minSupportLeadDays\n      blockResponseHours\n    }\n  }\n": types.TemplatePartsFragmentDoc,
    "\n  query Templates {\n    templates {\n      ...TemplateParts\n    }\n  }\n": types.TemplatesDocument,
    "\n  query Template($name: String!, $version: Int) {\n    template(name: $name, version: $version) {\n      ...TemplateParts\n    }\n  }\n": types.TemplateDocument,
    "\n  mutation CreateTemplate($input: TemplateInput!) {\n    createTemplate(input: $input) {\n      name\n      version\n    }\n  }\n": types.CreateTemplateDocument,
    "\n  mutation PublishTemplateVersion($input: TemplateInput!) {\n    publishTemplateVersion(input: $input) {\n      name\n      version\n    }\n  }\n": types.PublishTemplateVersionDocument,
    "\n  query Webhooks {\n    webhooks {\n      id\n      url\n      format\n      eventTypes\n      enabled\n      disabledReason\n      consecutiveFailures\n      createdAt\n    }\n  }\n": types.WebhooksDocument,
    "\n  query WebhookDeliveries($webhookId: ID!) {\n    webhookDeliveries(webhookId: $webhookId, first: 20) {\n      edges {\n        node {\n          id\n          eventId\n          at\n          attempt\n          status\n          responseCode\n          durationMs\n          error\n        }\n      }\n    }\n  }\n": types.WebhookDeliveriesDocument,
    "\n  mutation CreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      secret\n      webhook {\n        id\n      }\n    }\n  }\n": types.CreateWebhookDocument,
    "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n    }\n  }\n": types.RotateWebhookSecretDocument,
    "\n  mutation EnableWebhook($id: ID!) {\n    enableWebhook(id: $id) {\n      id\n      enabled\n    }\n  }\n": types.EnableWebhookDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FreezeWindowParts on FreezeWindow {\n    id\n    name\n    reason\n    startsAt\n    endsAt\n    stages\n    createdAt\n    createdBy {\n      id\n      name\n    }\n    endedAt\n    endedBy {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').FreezeWindowPartsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FreezeWindows {\n    freezeWindows {\n      ...FreezeWindowParts\n    }\n    viewerCan {\n      manageFreezeWindows\n    }\n  }\n"): typeof import('./graphql').FreezeWindowsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateFreezeWindow($input: FreezeWindowInput!) {\n    createFreezeWindow(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').CreateFreezeWindowDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndFreezeWindow($id: ID!) {\n    endFreezeWindow(id: $id) {\n      id\n      endedAt\n    }\n  }\n"): typeof import('./graphql').EndFreezeWindowDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RequirementParts on Requirement {\n    kind\n    team\n    message\n    itemId\n  }\n"): typeof import('./graphql').RequirementPartsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LaunchPlan($key: String!, $gaBy: DateTime!) {\n    launch(key: $key) {\n      id\n      plan(gaBy: $gaBy) {\n        gaBy\n        feasible\n        earliestGaAt\n        earlyAccessBy\n        obstacles {\n          ...RequirementParts\n        }\n        reconfirm {\n          ...RequirementParts\n        }\n        stages {\n          stage\n          requiredItems\n          doneItems\n          teams {\n            team\n            requiredItems\n            doneItems\n            approvalsNeeded\n            approvals\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').LaunchPlanDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReadinessAsOf($key: String!, $asOf: DateTime!) {\n    launch(key: $key) {\n      id\n      readiness(asOf: $asOf) {\n        stage\n        nextStage\n        canAdvance\n        blocked\n        score\n        missing {\n          ...RequirementParts\n        }\n        stages {\n          stage\n          teams {\n            ...TeamGateParts\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ReadinessAsOfDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users {\n    users {\n      id\n      name\n      email\n      role\n      teams\n      active\n      managedBy\n    }\n  }\n"): typeof import('./graphql').UsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').CreateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      id\n      role\n      teams\n    }\n  }\n"): typeof import('./graphql').UpdateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      id\n      active\n    }\n  }\n"): typeof import('./graphql').DeactivateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      id\n      active\n    }\n  }\n"): typeof import('./graphql').ReactivateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiTokens($userId: ID!) {\n    apiTokens(userId: $userId) {\n      id\n      name\n      createdAt\n      lastUsedAt\n      revokedAt\n      scopes\n      teams\n      launchIds\n      expiresAt\n    }\n  }\n"): typeof import('./graphql').ApiTokensDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiToken(\n    $userId: ID!\n    $name: String!\n    $scopes: [TokenScope!]\n    $teams: [Team!]\n    $launchIds: [ID!]\n    $expiresAt: DateTime\n  ) {\n    createApiToken(\n      userId: $userId\n      name: $name\n      scopes: $scopes\n      teams: $teams\n      launchIds: $launchIds\n      expiresAt: $expiresAt\n    ) {\n      id\n      token\n    }\n  }\n"): typeof import('./graphql').CreateApiTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id)\n  }\n"): typeof import('./graphql').RevokeApiTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WithdrawnGo on SignOff {\n    id\n    team\n    status\n    signedBy {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').WithdrawnGoFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LaunchEditParts on Launch {\n    id\n    key\n    version\n    stage\n    name\n    description\n    targetGaDate\n    supportLeadDays\n    blockResponseHours\n    viewerCan {\n      update\n      addItem\n      addItemStages\n    }\n  }\n"): typeof import('./graphql').LaunchEditPartsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateLaunch($id: ID!, $input: UpdateLaunchInput!) {\n    updateLaunch(id: $id, input: $input) {\n      id\n      version\n    }\n  }\n"): typeof import('./graphql').UpdateLaunchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddItem($input: AddItemInput!) {\n    addChecklistItem(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').AddItemDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AddItemWithdraws($key: String!, $stage: Stage!, $required: Boolean!) {\n    launch(key: $key) {\n      id\n      addItemWithdraws(stage: $stage, required: $required) {\n        ...WithdrawnGo\n      }\n    }\n  }\n"): typeof import('./graphql').AddItemWithdrawsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      name\n      email\n      role\n      teams\n    }\n  }\n"): typeof import('./graphql').MeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Board($filter: LaunchFilter, $first: Int, $after: String) {\n    launches(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          key\n          name\n          stage\n          blocked\n          atRisk\n          targetGaDate\n          updatedAt\n          coordinator {\n            id\n            name\n          }\n          earlyAccess {\n            grantedAt\n          }\n          signOffs {\n            stage\n            team\n            decision\n            comment\n            signedAt\n          }\n          readiness {\n            score\n            canAdvance\n            nextStage\n            missing {\n              kind\n              team\n              message\n            }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').BoardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TeamGateParts on TeamGate {\n    team\n    requiredItems\n    doneItems\n    signOff {\n      id\n      decision\n      comment\n      signedAt\n      signedBy {\n        id\n        name\n      }\n    }\n    approvalsNeeded\n    approvals\n    signOffs {\n      id\n      decision\n      status\n      signedAt\n      expiresAt\n      signedBy {\n        id\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').TeamGatePartsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LaunchPage($key: String!) {\n    launch(key: $key) {\n      ...LaunchEditParts\n      id\n      key\n      name\n      description\n      stage\n      blocked\n      version\n      targetGaDate\n      supportLeadDays\n      blockResponseHours\n      createdAt\n      updatedAt\n      checklistTemplate {\n        name\n        version\n      }\n      coordinator {\n        id\n        name\n      }\n      viewerCan {\n        advance\n        overrideFreeze\n        cancel\n        comment\n        grantEarlyAccess\n        grantEarlyAccessRefusal\n        signOffs {\n          team\n          go\n          goRefusal\n          commentRequiredForGo\n          commentRequiredForNoGo\n        }\n        items {\n          itemId\n          complete\n          waive\n          reopen\n        }\n      }\n      earlyAccess {\n        grantedAt\n        grantedBy {\n          id\n          name\n        }\n        url\n        notes\n        leadDaysElapsed\n        leadTimeMet\n        leadTimeMetAt\n      }\n      checklist {\n        id\n        stage\n        team\n        title\n        description\n        required\n        status\n        evidenceUrl\n        note\n        completedBy {\n          id\n          name\n        }\n        completedAt\n        reopenWithdraws {\n          ...WithdrawnGo\n        }\n      }\n      readiness {\n        stage\n        nextStage\n        canAdvance\n        blocked\n        score\n        missing {\n          kind\n          team\n          message\n          itemId\n        }\n        stages {\n          stage\n          requiredItems\n          doneItems\n          teams {\n            ...TeamGateParts\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').LaunchPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LaunchEvents($key: String!, $first: Int, $after: String) {\n    launch(key: $key) {\n      id\n      events(first: $first, after: $after) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            sequence\n            type\n            stage\n            team\n            at\n            data\n            summary\n            actor {\n              id\n              name\n              role\n            }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').LaunchEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GoNoGo($key: String!) {\n    launch(key: $key) {\n      id\n      key\n      name\n      stage\n      blocked\n      version\n      targetGaDate\n      supportLeadDays\n      viewerCan {\n        advance\n        overrideFreeze\n      }\n      earlyAccess {\n        grantedAt\n        leadDaysElapsed\n        leadTimeMet\n        leadTimeMetAt\n      }\n      readiness {\n        stage\n        nextStage\n        canAdvance\n        blocked\n        missing {\n          kind\n          team\n          message\n          itemId\n          item {\n            id\n            title\n          }\n        }\n        stages {\n          stage\n          teams {\n            ...TeamGateParts\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').GoNoGoDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LaunchInputLimits {\n    launchInputLimits {\n      nameMaxLength\n      titleMaxLength\n      descriptionMaxLength\n      supportLeadDays {\n        min\n        max\n        wholeNumbers\n        defaultValue\n      }\n      blockResponseHours {\n        min\n        max\n        wholeNumbers\n        defaultValue\n      }\n    }\n  }\n"): typeof import('./graphql').LaunchInputLimitsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateLaunch($input: CreateLaunchInput!) {\n    createLaunch(input: $input) {\n      id\n      key\n    }\n  }\n"): typeof import('./graphql').CreateLaunchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteItem($input: CompleteItemInput!) {\n    completeChecklistItem(input: $input) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').CompleteItemDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReopenItem($input: ReasonedItemInput!) {\n    reopenChecklistItem(input: $input) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').ReopenItemDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WaiveItem($input: ReasonedItemInput!) {\n    waiveChecklistItem(input: $input) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').WaiveItemDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOff($input: SignOffInput!) {\n    signOff(input: $input) {\n      id\n      decision\n      status\n    }\n  }\n"): typeof import('./graphql').SignOffDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Advance($input: AdvanceInput!) {\n    advanceLaunch(input: $input) {\n      id\n      stage\n      version\n    }\n  }\n"): typeof import('./graphql').AdvanceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Cancel($input: CancelInput!) {\n    cancelLaunch(input: $input) {\n      id\n      stage\n      version\n    }\n  }\n"): typeof import('./graphql').CancelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GrantEarlyAccess($input: EarlyAccessInput!) {\n    grantEarlyAccess(input: $input) {\n      id\n      version\n    }\n  }\n"): typeof import('./graphql').GrantEarlyAccessDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LiveEvents {\n    launchEvents {\n      id\n      launchId\n      sequence\n      type\n      team\n      at\n      summary\n      actor {\n        id\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').LiveEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Header {\n    viewerCan {\n      createLaunch\n      manageUsers\n      manageWebhooks\n      manageTemplates\n    }\n    myWork {\n      kind\n    }\n  }\n"): typeof import('./graphql').HeaderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyWork {\n    myWork {\n      kind\n      stage\n      team\n      message\n      waitingSince\n      item {\n        id\n      }\n      launch {\n        id\n        key\n        name\n        stage\n        blocked\n        targetGaDate\n      }\n    }\n  }\n"): typeof import('./graphql').MyWorkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddComment($input: CommentInput!) {\n    addComment(input: $input) {\n      id\n      sequence\n    }\n  }\n"): typeof import('./graphql').AddCommentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ViewerCan {\n    viewerCan {\n      createLaunch\n      manageTemplates\n    }\n  }\n"): typeof import('./graphql').ViewerCanDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OutcomeReportPage($windowDays: Int) {\n    outcomeReport(windowDays: $windowDays) {\n      windowDays\n      cohorts {\n        name\n        launches\n        medianTicketsAfter\n        meanTicketsAfter\n      }\n    }\n    baselineLaunches {\n      key\n      name\n      gaAt\n    }\n  }\n"): typeof import('./graphql').OutcomeReportPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LaunchOutcome($key: String!, $windowDays: Int) {\n    launch(key: $key) {\n      id\n      earlyAccess {\n        grantedAt\n      }\n      outcome(windowDays: $windowDays) {\n        windowDays\n        gaAt\n        complete\n        ticketsBefore\n        ticketsAfter\n        allTicketsBefore\n        allTicketsAfter\n        daily {\n          day\n          count\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').LaunchOutcomeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BoardOutcomes {\n    launches(filter: { stage: GA }, first: 100) {\n      edges {\n        node {\n          key\n          template\n          outcome {\n            complete\n            ticketsAfter\n          }\n        }\n      }\n    }\n    outcomeReport {\n      cohorts {\n        name\n        medianTicketsAfter\n      }\n    }\n  }\n"): typeof import('./graphql').BoardOutcomesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TemplateParts on ChecklistTemplate {\n    name\n    version\n    description\n    archived\n    createdAt\n    createdBy {\n      id\n      name\n    }\n    items {\n      stage\n      team\n      title\n      description\n      required\n    }\n    policy {\n      approvals {\n        team\n        stage\n        approvals\n      }\n      goValidDays\n      distinctApprovers\n      coordinatorMayApprove\n      supportLeadDays\n      minSupportLeadDays\n      blockResponseHours\n    }\n  }\n"): typeof import('./graphql').TemplatePartsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Templates {\n    templates {\n      ...TemplateParts\n    }\n  }\n"): typeof import('./graphql').TemplatesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Template($name: String!, $version: Int) {\n    template(name: $name, version: $version) {\n      ...TemplateParts\n    }\n  }\n"): typeof import('./graphql').TemplateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTemplate($input: TemplateInput!) {\n    createTemplate(input: $input) {\n      name\n      version\n    }\n  }\n"): typeof import('./graphql').CreateTemplateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishTemplateVersion($input: TemplateInput!) {\n    publishTemplateVersion(input: $input) {\n      name\n      version\n    }\n  }\n"): typeof import('./graphql').PublishTemplateVersionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Webhooks {\n    webhooks {\n      id\n      url\n      format\n      eventTypes\n      enabled\n      disabledReason\n      consecutiveFailures\n      createdAt\n    }\n  }\n"): typeof import('./graphql').WebhooksDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookDeliveries($webhookId: ID!) {\n    webhookDeliveries(webhookId: $webhookId, first: 20) {\n      edges {\n        node {\n          id\n          eventId\n          at\n          attempt\n          status\n          responseCode\n          durationMs\n          error\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').WebhookDeliveriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      secret\n      webhook {\n        id\n      }\n    }\n  }\n"): typeof import('./graphql').CreateWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n    }\n  }\n"): typeof import('./graphql').RotateWebhookSecretDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnableWebhook($id: ID!) {\n    enableWebhook(id: $id) {\n      id\n      enabled\n    }\n  }\n"): typeof import('./graphql').EnableWebhookDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
