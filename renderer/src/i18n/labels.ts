import type { ClientTier } from '../../../shared/model/client.js';
import type { ManagerGrade, ManagerStatus, ManagerType } from '../../../shared/model/manager.js';
import type { OrgLevel } from '../../../shared/model/org.js';
import type { RunMode } from '../../../shared/api/ops/system.js';
import type { MessageKey } from './messages.js';

// Template-literal keys: adding a code to the model without a label fails to compile here.
export const gradeKey = (grade: ManagerGrade): MessageKey => `manager.grade.${grade}`;
export const managerTypeKey = (type: ManagerType): MessageKey => `manager.type.${type}`;
export const managerStatusKey = (status: ManagerStatus): MessageKey => `manager.status.${status}`;
export const orgLevelKey = (level: OrgLevel): MessageKey => `org.level.${level}`;
export const clientTierKey = (tier: ClientTier): MessageKey => `client.tier.${tier}`;
export const runModeKey = (mode: RunMode): MessageKey => `settings.mode.${mode}`;
