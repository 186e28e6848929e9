import { mount } from '@/components/mount';
import { PopupPage } from '@/components/popup/PopupPage';

mount(<PopupPage />);
