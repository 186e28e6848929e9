import { LettersPage } from '@/components/letters/LettersPage';
import { mount } from '@/components/mount';

mount(<LettersPage />);
