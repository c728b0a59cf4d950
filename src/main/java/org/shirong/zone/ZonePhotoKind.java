package org.shirong.zone;

/** What a photo in a zone's file shows. */
enum ZonePhotoKind {
    SIGNATURE("责任人签收"),
    POSTED("告知书上墙"),
    INSPECTION("检查现场"),
    RECHECK("复查现场");

    private final String label;

    ZonePhotoKind(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
