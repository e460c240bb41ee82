import { ScoreDefinitionsSection } from '../review/score-definitions-section.tsx';
import { AuditSection } from './audit-section.tsx';
import { KeysSection } from './keys-section.tsx';
import { PeopleSection } from './people-section.tsx';

/** Admins only (the header links here only for them; the server refuses everyone else). */
export function SettingsPage() {
  return (
    <div className="settings">
      <h1>Settings</h1>
      <PeopleSection />
      <KeysSection />
      <ScoreDefinitionsSection />
      <AuditSection />
    </div>
  );
}
