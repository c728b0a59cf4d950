package org.shirong.system;

/**
 * Titles and file names that name a campaign: its name in Chinese quotes, the quotes of the name itself made single
 * ({@code “锦溪镇‘931’环境综合整治行动（演示）”}, not {@code “锦溪镇“931”…”}), and the organisation's name not said twice
 * when the campaign's name begins with it (jxreview-s55 J11).
 */
public final class Titles {

    private Titles() {
    }

    /** The name in “ ”, its own “ ” turned into ‘ ’. */
    public static String quoted(String name) {
        return "“" + name.replace('“', '‘').replace('”', '’').replace('"', '\'') + "”";
    }

    /**
     * The organisation's name followed by the campaign's, quoted: {@code 九亭镇“市容环境整治”}; the campaign's alone when it
     * begins with the organisation's name ({@code “锦溪镇‘931’环境综合整治行动”}).
     */
    public static String ofCampaign(String organizationName, String campaignName) {
        return (organizationName == null || campaignName.startsWith(organizationName) ? "" : organizationName)
                + quoted(campaignName);
    }
}
