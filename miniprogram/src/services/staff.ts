// Staff accounts, the unit tree and the public roster (政策解答员名录). Types only from the
// schemas: the roster is a resident's screen and must not bring zod with it.
import type { Topic, UnitKind } from '@shared/constants';
import type { Answerer, Invitation, NewInvitation, ProfileInput, RosterGap, StaffMember, Unit } from '@shared/schemas/auth';
import { api } from './api';
import type { StaffRole } from './session';
const id = encodeURIComponent;

/** The public roster, in the units' order; optionally one unit's or one topic's answerers. */
export function listRoster(filter: { unitId?: string; topic?: Topic }) {
  return api.get<{ items: Answerer[] }>('/api/answerers', { query: filter, auth: false });
}

// The office's district (retired units included) and its changes.
export const listDistrictUnits = () => api.get<{ items: Unit[] }>('/api/manage/units');
export const createUnit = (input: { name: string; kind: UnitKind; parentId: string }) => api.post<Unit>('/api/units', input);
export const updateUnit = (unitId: string, input: { name?: string; parentId?: string }) => api.patch<Unit>(`/api/units/${id(unitId)}`, input);
export const retireUnit = (unitId: string) => api.post<Unit>(`/api/units/${id(unitId)}/retire`);

// Invitations: the code comes once, in the answer that creates it.
export const createInvitation = (input: { unitId: string; role: StaffRole; name?: string }) => api.post<NewInvitation>('/api/invitations', input);
export const listInvitations = () => api.get<{ items: Invitation[] }>('/api/invitations');
export const revokeInvitation = (invitationId: string) => api.post<Invitation>(`/api/invitations/${id(invitationId)}/revoke`);

// Staff: the office sees its district's, an editor their unit's answerers and themselves.
export const listStaff = () => api.get<{ items: StaffMember[] }>('/api/users');
export const disableStaff = (userId: string) => api.post<StaffMember>(`/api/users/${id(userId)}/disable`);
export const enableStaff = (userId: string) => api.post<StaffMember>(`/api/users/${id(userId)}/enable`);
export const updateStaff = (userId: string, input: { role?: StaffRole; unitId?: string }) => api.patch<StaffMember>(`/api/users/${id(userId)}`, input);
export const updateProfile = (userId: string, input: ProfileInput) => api.patch<StaffMember>(`/api/users/${id(userId)}/profile`, input);

export const listGaps = () => api.get<{ items: RosterGap[] }>('/api/roster/gaps');

export const STAFF_ROLE_LABELS: Record<StaffRole, string> = { answerer: '政策解答员', editor: '单位编辑', office: '政务公开办' };

/** `ABCD2345` → `ABCD-2345`: easier to read out and to type. */
export const formatCode = (code: string) => (code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : code);

/** Units in tree order (each after its parent, siblings as the API sorts them), with their depth. */
export function unitTree(units: Unit[]): { unit: Unit; depth: number }[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string | null, Unit[]>();
  for (const u of units) {
    const parent = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const out: { unit: Unit; depth: number }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const u of children.get(parent) ?? []) {
      out.push({ unit: u, depth });
      walk(u.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
