import { mount } from '@/components/mount';
import { PopupPage } from '@/components/popup/PopupPage';
import { loadPopupData } from '@/components/popup/popup-data';

// Read first, then render once, with the numbers: no empty frame to fill in.
void loadPopupData().then((initial) => mount(<PopupPage initial={initial} />));
