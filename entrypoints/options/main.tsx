import { mount } from '@/components/mount';
import { OptionsPage } from '@/components/options/OptionsPage';

mount(<OptionsPage />);
