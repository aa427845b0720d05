import { useMfaContext } from '../context/mfaContext.js';
import { ADMIN_COMPLIANCE_STATUSES } from '../core/adminConstants.js';
import { enAdmin } from '../i18n/enAdmin.js';
import type { AdminListUsersInput, MfaMethod } from '../ports.js';
import { METHODS } from './adminShared.js';

export type UserMfaFilter = NonNullable<AdminListUsersInput['filter']>;

/** The user table's search box and its compliance, role and method filters (applied on the server). */
export function UserMfaFilters({
  searchText,
  onSearchText,
  filter,
  onFilter,
  roles,
}: {
  searchText: string;
  onSearchText: (text: string) => void;
  filter: UserMfaFilter;
  onFilter: (update: (current: UserMfaFilter) => UserMfaFilter) => void;
  /** Offered in the role filter. */
  roles: string[];
}) {
  const { t } = useMfaContext('UserMfaTable', enAdmin);
  const methodName = (method: MfaMethod) => t(`admin.method${method}`);
  const setFilterValue = (key: keyof UserMfaFilter, value: string) =>
    onFilter((current) => {
      const next: UserMfaFilter = { ...current };
      if (value) (next as Record<string, string>)[key] = value;
      else delete next[key];
      return next;
    });
  return (
    <div className="mfa-admin__filters">
      <label>
        {t('admin.search')}
        <input type="search" value={searchText} onChange={(event) => onSearchText(event.target.value)} />
      </label>
      <label>
        {t('admin.filterCompliance')}
        <select
          value={filter.compliance ?? ''}
          onChange={(event) => setFilterValue('compliance', event.target.value)}
        >
          <option value="">{t('admin.filterAll')}</option>
          {ADMIN_COMPLIANCE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`admin.status${status}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('admin.filterRole')}
        <select value={filter.role ?? ''} onChange={(event) => setFilterValue('role', event.target.value)}>
          <option value="">{t('admin.filterAll')}</option>
          {roles.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('admin.filterMethod')}
        <select
          value={filter.method ?? ''}
          onChange={(event) => setFilterValue('method', event.target.value)}
        >
          <option value="">{t('admin.filterAll')}</option>
          {METHODS.map((method) => (
            <option key={method} value={method}>
              {methodName(method)}
            </option>
          ))}
          <option value="NONE">{t('admin.methodNone')}</option>
        </select>
      </label>
    </div>
  );
}
