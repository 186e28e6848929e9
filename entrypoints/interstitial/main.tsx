import { FramedNote, InterstitialPage } from '@/components/interstitial/InterstitialPage';
import { mount } from '@/components/mount';

mount(<InterstitialPage />, <FramedNote />);
