import { flushSync } from 'react-dom';
import { mount } from '@/components/mount';
import { PopupPage } from '@/components/popup/PopupPage';
import { loadPopupData } from '@/components/popup/popup-data';

// Read first, then render once, with the numbers: no empty frame to fill in. The render is done
// at once, in the same task as the read's answer, rather than queued behind whatever else the
// page has waiting.
void loadPopupData().then((initial) => flushSync(() => mount(<PopupPage initial={initial} />)));
