package org.collapselab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnglishFilterTest {

    @Test
    void shareCountsFunctionWordsAmongLetterRunsIgnoringCaseDigitsAndPunctuation() {
        // Words: THE, Committee, s, opinion, of -> "the" and "of": 2 of 5.
        assertEquals(2.0 / 5, EnglishFilter.functionWordShare(
            "THE Committee's opinion of 2004 (2004/0123)."), 1e-15);
    }

    @Test
    void ordinaryEnglishAndOtherLanguagesFallOnTheirSidesOfTheThreshold() {
        assertTrue(EnglishFilter.isEnglish("This is the report of the committee on the budget."));
        assertFalse(EnglishFilter.isEnglish(
            "Jeg erklærer Europa-Parlamentets session for afbrudt."));
        assertFalse(EnglishFilter.isEnglish(
            "Die Kommission hat in diesem Bericht die Lage sehr gut beschrieben."));
        assertFalse(EnglishFilter.isEnglish("La Commissione ha presentato la sua proposta."));
    }

    @Test
    void aLineWithoutLettersIsNotEnglish() {
        assertEquals(0.0, EnglishFilter.functionWordShare("1999 - 2004 : 12,5 %"), 0.0);
        assertFalse(EnglishFilter.isEnglish("1999 - 2004 : 12,5 %"));
    }

    @Test
    void theThresholdIsInclusive() {
        // 9 function words of 50 words is 0.18 exactly; 8 of 50 is 0.16.
        assertTrue(EnglishFilter.isEnglish(line(9, 50)));
        assertFalse(EnglishFilter.isEnglish(line(8, 50)));
    }

    /** {@code hits} times "the" and then "xyz" up to {@code words} words. */
    private static String line(int hits, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(i < hits ? "the " : "xyz ");
        }
        return text.toString();
    }

    @Test
    void theEuroparlSampleKeepsTheDocumentedNumberOfEnglishLines() {
        // data/README.md: 1,271 of the 17,597 lines are English by this filter.
        List<String> english = TextCorpus.europarlEnglish(TextCorpus.Options.all());
        assertEquals(1271, english.size());
        assertTrue(english.stream().allMatch(EnglishFilter::isEnglish));
    }
}
