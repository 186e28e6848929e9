import { InsightsPage } from '@/components/insights/InsightsPage';
import { mount } from '@/components/mount';

mount(<InsightsPage />);
