import { InterstitialPage } from '@/components/interstitial/InterstitialPage';
import { mount } from '@/components/mount';

mount(<InterstitialPage />);
