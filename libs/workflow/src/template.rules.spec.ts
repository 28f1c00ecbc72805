import { admin, coordinator, member } from './test-helpers.js';
import { templateCommandRefusal } from './template.rules.js';

describe('templateCommandRefusal', () => {
  it('lets only admins write templates', () => {
    for (const actor of [coordinator, member('PRODUCT')]) {
      expect(templateCommandRefusal(actor, { type: 'CREATE_TEMPLATE' })?.code).toBe('FORBIDDEN');
      expect(templateCommandRefusal(actor, { type: 'PUBLISH_TEMPLATE_VERSION' })?.code).toBe(
        'FORBIDDEN',
      );
    }
    expect(templateCommandRefusal(admin, { type: 'CREATE_TEMPLATE' })).toBeNull();
    expect(templateCommandRefusal(admin, { type: 'ARCHIVE_TEMPLATE', name: 'lite' })).toBeNull();
  });

  it('never archives "standard"', () => {
    expect(
      templateCommandRefusal(admin, { type: 'ARCHIVE_TEMPLATE', name: 'standard' }),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
  });
});
