import { policyFromSettings } from '@/lib/detection/policy';
import { parsePeriod, parseSettings, periodItem, settingsItem } from '@/lib/settings/settings';
import { PendingChanges } from '../PendingChanges';
import { FixableProtectionWarning } from '../ProtectionFix';
import { useStoredValue } from '../use-stored-value';
import { CategoriesSection } from './CategoriesSection';
import { CustomSitesSection } from './CustomSitesSection';
import { DataSection } from './DataSection';
import { PeriodSection } from './PeriodSection';
import { OthersSection, PersonSection } from './PersonSection';
import { PlanSection } from './PlanSection';
import { PrivateWindowsSection } from './PrivateWindowsSection';
import { UnsavedEditsProvider } from './unsaved-edits';

export function OptionsPage() {
  const settings = useStoredValue(settingsItem, parseSettings);
  const period = useStoredValue(periodItem, parsePeriod);

  if (settings === undefined || period === undefined) return <main className="page" aria-busy="true" />;
  const pausing = policyFromSettings(settings, period, Date.now()) !== null;

  return (
    <UnsavedEditsProvider>
      <main className="page">
        <h1>Breathing Room</h1>
        <p className="lead">A pause between you and the places that keep pulling you back.</p>
        <FixableProtectionWarning />
        <PeriodSection period={period} />
        <PendingChanges />
        <CategoriesSection settings={settings} />
        <PersonSection settings={settings} pausing={pausing} />
        <OthersSection settings={settings} pausing={pausing} />
        <PlanSection settings={settings} />
        <CustomSitesSection settings={settings} />
        <PrivateWindowsSection />
        <DataSection period={period} />
      </main>
    </UnsavedEditsProvider>
  );
}
